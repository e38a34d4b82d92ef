#include "adapters/royal_mail/royal_mail_request.h"

#include <string>

#include "absl/strings/str_cat.h"

namespace trackenrich::adapters::royal_mail {

http::HttpRequest BuildRoyalMailEventsRequest(absl::string_view tracking_number,
                                              absl::string_view client_id,
                                              absl::string_view client_secret) {
  http::HttpRequest request;
  request.method = "GET";
  request.target = absl::StrCat(kRoyalMailTrackPath, tracking_number, "/events");
  request.headers.emplace_back("X-IBM-Client-Id", std::string(client_id));
  request.headers.emplace_back("X-IBM-Client-Secret", std::string(client_secret));
  request.headers.emplace_back("X-Accept-RMG-Terms", "yes");
  request.headers.emplace_back("Accept", "application/json");
  return request;
}

}  // namespace trackenrich::adapters::royal_mail
