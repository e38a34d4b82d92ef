// A blocking HTTP/1.1 GET for tests (admin endpoints, sandbox control).
//   HttpGetResult r = HttpGet(port, "/readyz");   // r.status, r.body
//   r = HttpSendWithHeaders(port, "POST", "/v1/TrackShipment", body, {{"X-Api-Key", key}});
#ifndef TRACKENRICH_TESTS_SUPPORT_HTTP_GET_H_
#define TRACKENRICH_TESTS_SUPPORT_HTTP_GET_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace trackenrich::testing {

struct HttpGetResult {
  int status = 0;  // 0 when the connection failed
  std::string content_type;
  std::string body;
  // Every response header (HttpSendWithHeaders only).
  std::vector<std::pair<std::string, std::string>> headers;

  // The first header named `name` (case-insensitive); "" when absent.
  std::string Header(const std::string& name) const;
};

HttpGetResult HttpGet(uint16_t port, const std::string& target, const std::string& method = "GET");

// Any method, with a body (sent as application/json).
HttpGetResult HttpSend(uint16_t port, const std::string& method, const std::string& target,
                       const std::string& body);

// Any method, with a body and request headers; the result has the response's headers.
HttpGetResult HttpSendWithHeaders(uint16_t port, const std::string& method,
                                  const std::string& target, const std::string& body,
                                  const std::vector<std::pair<std::string, std::string>>& headers);

}  // namespace trackenrich::testing

#endif  // TRACKENRICH_TESTS_SUPPORT_HTTP_GET_H_
