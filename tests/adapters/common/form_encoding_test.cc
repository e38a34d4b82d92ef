#include "adapters/common/form_encoding.h"

#include <catch2/catch.hpp>

#include "adapters/common/reason_text.h"

namespace trackenrich::adapters {
namespace {

TEST_CASE("percent-encoding keeps unreserved characters only", "[form]") {
  CHECK(PercentEncode("AZaz09-._~") == "AZaz09-._~");
  CHECK(PercentEncode("a b&c=d+e/f?g#h") == "a%20b%26c%3Dd%2Be%2Ff%3Fg%23h");
  CHECK(PercentEncode("\r\n\xC3\xA9") == "%0D%0A%C3%A9");
  CHECK(FormBody({{"grant_type", "client_credentials"}, {"client_secret", "x&y"}}) ==
        "grant_type=client_credentials&client_secret=x%26y");
  CHECK(FormBody({}).empty());
}

TEST_CASE("reasons read from carrier text", "[form]") {
  CHECK(ReasonFromText("Customer not available or business closed") ==
        v1::STATE_REASON_RECIPIENT_UNAVAILABLE);
  CHECK(ReasonFromText("Business closed") == v1::STATE_REASON_BUSINESS_CLOSED);
  CHECK(ReasonFromText("Held: customs duties unpaid") == v1::STATE_REASON_CUSTOMS_DUTIES_UNPAID);
  CHECK(ReasonFromText("Package available for clearance") == v1::STATE_REASON_CUSTOMS);
  CHECK(ReasonFromText("Incorrect address") == v1::STATE_REASON_ADDRESS_ISSUE);
  CHECK(ReasonFromText("Local weather conditions delayed delivery") == v1::STATE_REASON_WEATHER);
  CHECK(ReasonFromText("Refused by recipient") == v1::STATE_REASON_REFUSED);
  CHECK(ReasonFromText("Arrived at facility") == v1::STATE_REASON_UNSPECIFIED);
  CHECK(ReasonFromText("Customer will pick up") == v1::STATE_REASON_HELD_FOR_PICKUP);
}

}  // namespace
}  // namespace trackenrich::adapters
