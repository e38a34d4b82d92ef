#include "tests/support/http_get.h"

#include "boost/asio/connect.hpp"
#include "boost/asio/io_context.hpp"
#include "boost/asio/ip/tcp.hpp"
#include "boost/beast/core.hpp"
#include "boost/beast/http.hpp"

namespace trackenrich::testing {

HttpGetResult HttpGet(uint16_t port, const std::string& target, const std::string& method) {
  return HttpSend(port, method, target, "");
}

std::string HttpGetResult::Header(const std::string& name) const {
  for (const auto& [key, value] : headers) {
    if (boost::beast::iequals(key, name)) return value;
  }
  return "";
}

HttpGetResult HttpSend(uint16_t port, const std::string& method, const std::string& target,
                       const std::string& body) {
  return HttpSendWithHeaders(port, method, target, body, {});
}

HttpGetResult HttpSendWithHeaders(uint16_t port, const std::string& method,
                                  const std::string& target, const std::string& body,
                                  const std::vector<std::pair<std::string, std::string>>& headers) {
  namespace beast = boost::beast;
  namespace bhttp = boost::beast::http;
  boost::asio::io_context io_context;
  beast::tcp_stream stream(io_context);
  beast::error_code error;
  stream.connect(boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port),
                 error);
  if (error) return {};
  bhttp::request<bhttp::string_body> request(bhttp::string_to_verb(method), target, 11);
  request.set(bhttp::field::host, "127.0.0.1");
  for (const auto& [name, value] : headers) request.set(name, value);
  if (!body.empty()) {
    request.set(bhttp::field::content_type, "application/json");
    request.body() = body;
  }
  request.prepare_payload();
  bhttp::write(stream, request, error);
  if (error) return {};
  beast::flat_buffer buffer;
  bhttp::response<bhttp::string_body> response;
  bhttp::read(stream, buffer, response, error);
  if (error) return {};
  HttpGetResult result{static_cast<int>(response.result_int()),
                       std::string(response[bhttp::field::content_type]),
                       response.body(),
                       {}};
  for (const auto& field : response) {
    result.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  }
  return result;
}

}  // namespace trackenrich::testing
