// A blocking HTTP/1.1 GET for tests (admin endpoints, sandbox control).
//   HttpGetResult r = HttpGet(port, "/readyz");   // r.status, r.body
#ifndef TRACKENRICH_TESTS_SUPPORT_HTTP_GET_H_
#define TRACKENRICH_TESTS_SUPPORT_HTTP_GET_H_

#include <cstdint>
#include <string>

namespace trackenrich::testing {

struct HttpGetResult {
  int status = 0;  // 0 when the connection failed
  std::string content_type;
  std::string body;
};

HttpGetResult HttpGet(uint16_t port, const std::string& target, const std::string& method = "GET");

// Any method, with a body (sent as application/json).
HttpGetResult HttpSend(uint16_t port, const std::string& method, const std::string& target,
                       const std::string& body);

}  // namespace trackenrich::testing

#endif  // TRACKENRICH_TESTS_SUPPORT_HTTP_GET_H_
