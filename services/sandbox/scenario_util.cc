#include "services/sandbox/scenario_util.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"
#include "boost/json.hpp"

namespace trackenrich::sandbox {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string PercentDecoded(absl::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out.push_back(' ');
    } else if (text[i] == '%' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 &&
               HexValue(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2])));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

}  // namespace

absl::string_view TargetPath(absl::string_view target) {
  const size_t query = target.find('?');
  return query == absl::string_view::npos ? target : target.substr(0, query);
}

std::string FormField(absl::string_view body, absl::string_view name) {
  for (absl::string_view pair : absl::StrSplit(body, '&')) {
    const size_t equals = pair.find('=');
    if (equals == absl::string_view::npos) continue;
    if (PercentDecoded(pair.substr(0, equals)) == name) {
      return PercentDecoded(pair.substr(equals + 1));
    }
  }
  return "";
}

std::string QueryParam(absl::string_view target, absl::string_view name) {
  const size_t query = target.find('?');
  if (query == absl::string_view::npos) return "";
  return FormField(target.substr(query + 1), name);
}

bool IsSandboxTokenRequest(const http::HttpRequest& request, absl::string_view grant_type) {
  return request.method == "POST" && FormField(request.body, "grant_type") == grant_type &&
         FormField(request.body, "client_id") == kSandboxClientId &&
         FormField(request.body, "client_secret") == kSandboxClientSecret;
}

server::HttpServer::Reply JsonResponse(int status, const boost::json::value& body) {
  server::HttpServer::Reply reply;
  reply.response.status = status;
  reply.response.headers.emplace_back("Content-Type", "application/json");
  reply.response.body = boost::json::serialize(body);
  return reply;
}

server::HttpServer::Reply XmlResponse(int status, std::string body) {
  server::HttpServer::Reply reply;
  reply.response.status = status;
  reply.response.headers.emplace_back("Content-Type", "text/xml;charset=UTF-8");
  reply.response.body = std::move(body);
  return reply;
}

absl::Time HoursAgo(absl::Time now, double hours) {
  return absl::FromUnixSeconds(absl::ToUnixSeconds(now) / 60 * 60) - absl::Hours(hours);
}

std::string Rfc3339At(absl::Time time, int offset_hours) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%S%Ez", time, absl::FixedTimeZone(offset_hours * 3600));
}

}  // namespace trackenrich::sandbox
