#include "adapters/http/endpoint.h"

#include <string_view>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "boost/url/parse.hpp"

namespace trackenrich::http {
namespace {

absl::string_view ToAbsl(std::string_view view) { return {view.data(), view.size()}; }

}  // namespace

std::string Endpoint::Key() const {
  return absl::StrCat(tls ? "https://" : "http://", host, ":", port);
}

absl::StatusOr<Endpoint> ParseEndpoint(absl::string_view base_url) {
  auto url = boost::urls::parse_uri(std::string_view(base_url.data(), base_url.size()));
  if (!url) {
    return absl::InvalidArgumentError(absl::StrCat("not a URL: \"", base_url, "\""));
  }
  Endpoint endpoint;
  const std::string_view scheme = url->scheme();
  if (scheme == "https") {
    endpoint.tls = true;
  } else if (scheme != "http") {
    return absl::InvalidArgumentError(
        absl::StrCat("URL scheme must be http or https: \"", base_url, "\""));
  }
  endpoint.host = std::string(url->host_address());
  if (endpoint.host.empty()) {
    return absl::InvalidArgumentError(absl::StrCat("URL has no host: \"", base_url, "\""));
  }
  if (url->has_port()) {
    uint32_t port = 0;
    if (!absl::SimpleAtoi(ToAbsl(url->port()), &port) || port == 0 || port > 65535) {
      return absl::InvalidArgumentError(absl::StrCat("URL port is invalid: \"", base_url, "\""));
    }
    endpoint.port = static_cast<uint16_t>(port);
  } else {
    endpoint.port = endpoint.tls ? 443 : 80;
  }
  std::string path(url->encoded_path());
  while (!path.empty() && path.back() == '/') path.pop_back();
  endpoint.base_path = std::move(path);
  return endpoint;
}

}  // namespace trackenrich::http
