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

HttpGetResult HttpSend(uint16_t port, const std::string& method, const std::string& target,
                       const std::string& body) {
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
  return {static_cast<int>(response.result_int()),
          std::string(response[bhttp::field::content_type]), response.body()};
}

}  // namespace trackenrich::testing
