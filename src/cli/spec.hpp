#pragma once
// crm's command line as it is declared (args.hpp): every command, its arguments, the
// values each takes and what completes them. CLI11 parses into the options structs; the
// usage checker (usage.hpp), the completion (complete.hpp) and the shells read this, so
// what a word is never has to be guessed from its name.
#include <cstdint>
#include <string>
#include <vector>

namespace crm::cli {

// What completes a value.
enum class Kind : std::uint8_t {
    none,                // free text or a date: nothing to offer, and never file names
    words,               // a fixed list (Values::words), in its order
    files,               // names on disk
    dirs,                // folders on disk
    clients,             // by slug and by name
    contacts,            // of the CLIENT typed before, by name
    team,                // crm.yaml's team
    tags,                // the clients' tags
    stages,              // crm.yaml's stages
    tiers,               // crm.yaml's tiers
    opportunity_stages,  // crm.yaml's open opportunity stages
    projects,            // titles of the won opportunities of the CLIENT typed before
    opportunities,       // titles of the opportunities of the CLIENT typed before
    items,               // open promises and actions of the CLIENT typed before, by number
    fields,              // FIELD of a command that changes one (Values::record)
    field_value,         // VALUE of the FIELD typed before (Values::record)
};

// Whose fields Kind::fields and Kind::field_value are.
enum class Record : std::uint8_t { client, opportunity, contact };

struct Values {
    Kind kind = Kind::none;
    std::vector<std::string> words;  // Kind::words
    Record record = Record::client;  // Kind::fields, Kind::field_value

    static Values of(Kind k) { return {k, {}, Record::client}; }
    static Values fixed(std::vector<std::string> w) { return {Kind::words, std::move(w), {}}; }
};

struct OptionSpec {
    std::vector<std::string> names;  // "--format", "-q"
    bool takes_value = false;        // a flag (--all, -q) takes none
    bool repeats = false;            // one value per use, as often as wanted
    bool required = false;
    Values values;
    bool checked = false;    // Values::words are the only values it takes
    std::string value_name;  // "DATE", "DUR", "FORMAT": in help and messages
    std::string help;
    std::vector<std::string> excludes;  // options it does not go with
};

struct PositionalSpec {
    std::string name;  // CLIENT, ITEM
    std::string help;
    bool required = false;
    bool repeats = false;  // ITEM... takes every word after it
    Values values;
    bool checked = false;
};

struct CommandSpec {
    std::string name;  // "add" of `contact`; path() gives "contact add"
    std::string path;  // the words after `crm`
    std::string summary;
    std::vector<OptionSpec> options;
    std::vector<PositionalSpec> positionals;
    std::vector<CommandSpec> subcommands;
    bool subcommand_optional = false;  // `crm inbox` runs without one (it lists)
    bool hidden = false;               // for the scripts, not for people

    const OptionSpec* option(const std::string& name) const;
    const CommandSpec* subcommand(const std::string& name) const;
};

// The whole command line: the global options and the commands.
struct Spec {
    std::vector<OptionSpec> globals;
    std::vector<CommandSpec> commands;

    const CommandSpec* command(const std::string& name) const;
};

}  // namespace crm::cli
