// Text made safe inside XML or HTML, element content and quoted attribute
// values alike: & < > " ' become entities (&#39; for the apostrophe, which
// both languages read).
//
//   MarkupEscape("Tom & Jerry's <b>")   // "Tom &amp; Jerry&#39;s &lt;b&gt;"
#ifndef TRACKENRICH_ADAPTERS_COMMON_MARKUP_ESCAPE_H_
#define TRACKENRICH_ADAPTERS_COMMON_MARKUP_ESCAPE_H_

#include <string>

#include "absl/strings/string_view.h"

namespace trackenrich::adapters {

std::string MarkupEscape(absl::string_view text);

}  // namespace trackenrich::adapters

#endif  // TRACKENRICH_ADAPTERS_COMMON_MARKUP_ESCAPE_H_
