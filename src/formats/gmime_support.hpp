#pragma once
// What formats/ needs to hold GMime's objects safely: the library started once, objects
// and strings freed by their owners, whatever returns or throws. Private to the layer: no
// public header of formats/ shows a GMime or GLib type.
#include <gmime/gmime.h>

#include <memory>
#include <string>

namespace crm::formats::gmime {

// Starts GMime once per process (thread-safe); every entry point calls it.
void init();

struct Unref {
    void operator()(gpointer object) const {
        if (object)
            g_object_unref(object);
    }
};

// An owned reference to a GObject (a message, a stream, a part).
template <class T>
using Ref = std::unique_ptr<T, Unref>;

template <class T>
Ref<T> own(T* object) {
    return Ref<T>(object);
}

// A string GMime allocated, as a std::string (empty for null), freed.
inline std::string take(char* text) {
    std::string out = text ? text : "";
    g_free(text);
    return out;
}

inline std::string copy(const char* text) {
    return text ? text : "";
}

}  // namespace crm::formats::gmime
