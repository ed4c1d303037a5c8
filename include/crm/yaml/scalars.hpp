#pragma once
// The values of a YAML document as a person reads them (every scalar that is not a
// key), each with the lines it came from: for `crm search`, which must find a phrase in
// what a value says (`"\"Le Nord\""` says `"Le Nord"`; a folded or block scalar's lines
// are one text) and name the line it starts on.
//
// quick_scalars reads the text directly, without yaml-cpp: a search of a firm's folder
// reads 10,000 matching files, and a full parse of each costs ten times grep's whole
// run. It knows the YAML crm's files are written in (block maps and lists; plain,
// quoted, literal and folded scalars; flow lists and maps; comments) and declines
// (std::nullopt) anything else, rather than guess: the caller then parses the file
// (scalars_of) or, when even that fails, searches its raw lines.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/yaml/tree.hpp"

namespace crm::yaml {

struct Scalar {
    // text[offset, next piece's offset) came from 1-based line `line`. The first piece
    // is at offset 0; a value on one line has one piece.
    struct Piece {
        std::size_t offset = 0;
        int line = 0;
    };
    std::string text;
    std::vector<Piece> pieces;

    // The line that text[offset] came from.
    int line_at(std::size_t offset) const;
};

// The scalar values of `text` in file order; nulls (`~`, `null`, nothing) are not
// values. std::nullopt for YAML this reader does not know and for text no YAML reader
// would accept.
std::optional<std::vector<Scalar>> quick_scalars(std::string_view text);

// The same from a parsed tree. The tree keeps where a value starts, not where each of
// its lines is: a multi-line value is one piece, at its first line.
std::vector<Scalar> scalars_of(const Node& root);

}  // namespace crm::yaml
