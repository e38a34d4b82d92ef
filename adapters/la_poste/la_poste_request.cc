#include "adapters/la_poste/la_poste_request.h"

#include <string>

#include "absl/strings/str_cat.h"

#include "adapters/common/form_encoding.h"

namespace trackenrich::adapters::la_poste {

bool IsLaPosteLanguage(absl::string_view lang) {
  for (absl::string_view known : {"fr_FR", "en_GB", "de_DE", "es_ES", "it_IT", "nl_NL"}) {
    if (lang == known) return true;
  }
  return false;
}

http::HttpRequest BuildLaPosteTrackRequest(absl::string_view tracking_number,
                                           absl::string_view okapi_key, absl::string_view lang) {
  http::HttpRequest request;
  request.method = "GET";
  request.target = absl::StrCat(kLaPosteTrackPath, PercentEncode(tracking_number), "?",
                                FormBody({{"lang", lang}}));
  request.headers.emplace_back("X-Okapi-Key", std::string(okapi_key));
  request.headers.emplace_back("Accept", "application/json");
  return request;
}

}  // namespace trackenrich::adapters::la_poste
