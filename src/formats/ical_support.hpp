#pragma once
// What formats/ needs to hold libical's objects safely: a component freed by its owner
// whatever returns or throws, and the library told once not to abort or print on the
// malformed input that calendars are full of. Private to the layer: no public header of
// formats/ shows a libical type.
#include <libical/ical.h>

#include <memory>
#include <string>

namespace crm::formats {

struct IcalFree {
    void operator()(icalcomponent* c) const {
        if (c)
            icalcomponent_free(c);
    }
};
using IcalPtr = std::unique_ptr<icalcomponent, IcalFree>;

// libical's errors as values (icalerrno, X-LIC-ERROR properties), never an abort, and
// nothing of its own on stderr: crm names the problem itself. Called by every entry point.
void ical_quiet();

// A string libical allocated (the *_r functions), as a std::string.
std::string ical_take(char* text);

}  // namespace crm::formats
