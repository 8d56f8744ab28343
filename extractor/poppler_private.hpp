// Private members of poppler's classes, reached through the explicit-instantiation rule (access
// is not checked in an explicit instantiation's arguments). In namespace poa::extractor::pdf (where
// Expose's friend `member` is declared),
//   POA_POPPLER_PRIVATE(GfxResourceStack, &Gfx::res, GfxResources* Gfx::*);
// declares the tag GfxResourceStack, and `gfx.*member(GfxResourceStack{})` is then gfx.res. Each
// tag is declared in one file only.
#pragma once

namespace poa::extractor::pdf {

template <typename Tag, typename Tag::Type Member>
struct Expose {
  friend typename Tag::Type member(Tag) { return Member; }
};

}  // namespace poa::extractor::pdf

// The type comes last: a member function's type has commas.
#define POA_POPPLER_PRIVATE(Tag, member_pointer, ...) \
  struct Tag {                                        \
    using Type = __VA_ARGS__;                         \
    friend Type member(Tag);                          \
  };                                                  \
  template struct Expose<Tag, member_pointer>
