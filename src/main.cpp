#include <iostream>

#include "crm/cli/process_environment.hpp"
#include "crm/cli/run.hpp"

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    return crm::cli::run(argc, argv, crm::cli::process_environment(),
                         {std::cin, std::cout, std::cerr});
}
