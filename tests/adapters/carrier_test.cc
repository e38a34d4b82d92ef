// The carrier descriptors (adapters/carrier.h): one per carrier with an
// adapter, each able to read its section, take a tenant's credentials, point
// at the sandbox and register an adapter under its own name.
#include "adapters/carrier.h"

#include <algorithm>
#include <set>
#include <string>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "boost/asio/io_context.hpp"

#include "adapters/common/crosswalk.h"
#include "adapters/detection/carrier_detection.h"
#include "adapters/detection/tracking_urls.h"
#include "adapters/dhl/dhl_adapter.h"
#include "adapters/http/http_client.h"
#include "adapters/tracking_source.h"
#include "adapters/ups/ups_adapter.h"

namespace trackenrich::adapters {
namespace {

TEST_CASE("every carrier is listed once and found by its name", "[carrier]") {
  std::set<absl::string_view> names;
  for (const CarrierDescriptor* carrier : AllCarriers()) {
    CHECK(names.insert(carrier->name).second);
    CHECK(FindCarrier(carrier->name) == carrier);
  }
  for (absl::string_view name : {"ups", "fedex", "usps", "dhl", "dpd", "amazon_shipping"}) {
    CHECK(names.contains(name));
  }
  CHECK(FindCarrier("no_such_carrier") == nullptr);
}

TEST_CASE("each carrier's sandbox section registers an adapter under the carrier's name",
          "[carrier]") {
  boost::asio::io_context io_context;
  http::HttpClient client(io_context, {});
  AdapterRegistry registry;
  for (const CarrierDescriptor* carrier : AllCarriers()) {
    INFO(carrier->name);
    std::unique_ptr<CarrierSection> section = carrier->NewSection();
    CHECK_FALSE(section->CredentialKeys().empty());
    section->UseSandbox("http://127.0.0.1:9");
    REQUIRE(section->Register(registry, client).ok());
  }
  std::set<absl::string_view> registered;
  for (const TrackingSource* source : registry.All()) registered.insert(source->name());
  CHECK(registered.size() == AllCarriers().size());
  for (const CarrierDescriptor* carrier : AllCarriers()) CHECK(registered.contains(carrier->name));

  std::unique_ptr<CarrierSection> broken = FindCarrier("ups")->NewSection();
  broken->UseSandbox("not a url");
  AdapterRegistry other;
  CHECK(broken->Register(other, client).code() == absl::StatusCode::kInvalidArgument);
}

TEST_CASE("a tenant's credentials replace only the keys it sets, the sandbox sets them all",
          "[carrier]") {
  std::unique_ptr<CarrierSection> section = FindCarrier("ups")->NewSection();
  const auto* ups = SettingsOf<ups::UpsSettings>(section.get());
  REQUIRE(ups != nullptr);
  CHECK(SettingsOf<dhl::DhlSettings>(section.get()) == nullptr);
  CHECK(section->CredentialKeys() == std::vector<absl::string_view>{"client_id", "client_secret"});

  section->UseSandbox("http://127.0.0.1:9");
  CHECK(ups->base_url == "http://127.0.0.1:9");
  CHECK(ups->client_id == kSandboxClientId);
  CHECK(ups->client_secret == kSandboxClientSecret);

  std::unique_ptr<CarrierSection> tenant = section->Clone();
  tenant->OverrideCredentials({{"client_id", "acme-id"}, {"client_secret", ""}});
  const auto* acme = SettingsOf<ups::UpsSettings>(tenant.get());
  CHECK(acme->client_id == "acme-id");
  CHECK(acme->client_secret == kSandboxClientSecret);  // empty: not set
  CHECK(ups->client_id == kSandboxClientId);           // the clone is its own
}

TEST_CASE("each descriptor names its carrier, routes and crosswalks", "[carrier]") {
  std::set<int> carriers;
  for (const CarrierDescriptor* carrier : AllCarriers()) {
    INFO(carrier->name);
    CHECK(carrier->carrier != v1::CARRIER_UNSPECIFIED);
    CHECK(carriers.insert(carrier->carrier).second);
    CHECK(DescriptorOf(carrier->carrier) == carrier);
    CHECK(absl::StartsWith(carrier->sandbox.track_path, "/"));
    CHECK_FALSE(carrier->crosswalks.empty());
  }
  CHECK(DescriptorOf(v1::CARRIER_UNSPECIFIED) == nullptr);
  CHECK(DescriptorOf(v1::CARRIER_EVRI) == nullptr);  // link-only
}

// DPD lives in its folder alone: its formats, page, names, words and
// crosswalk reach the shared registries through its descriptor.
TEST_CASE("a carrier's descriptor feeds detection, links, names and crosswalks", "[carrier]") {
  const CarrierDescriptor* dpd = FindCarrier("dpd");
  REQUIRE(dpd != nullptr);
  REQUIRE_FALSE(dpd->formats.empty());
  const auto all = detection::TrackingNumberFormats();
  for (const detection::TrackingNumberFormat& format : dpd->formats) {
    INFO(format.name << " " << format.shape);
    // Listed once: the descriptor's entry replaces any central one.
    CHECK(std::count_if(all.begin(), all.end(), [&](const detection::TrackingNumberFormat& known) {
            return known.name == format.name && absl::string_view(known.shape) == format.shape;
          }) == 1);
  }
  const v1::DetectCarrierResponse detected = detection::DetectCarrier("09981122330000L");
  REQUIRE(detected.candidates_size() >= 1);
  CHECK(detected.candidates(0).carrier() == v1::CARRIER_DPD);
  CHECK(detected.candidates(0).format() == "DPD (14)");
  CHECK(detected.candidates(0).tracking_url() ==
        absl::StrCat(dpd->tracking_url_prefix, "09981122330000"));
  CHECK(detection::CarrierDisplayName(v1::CARRIER_DPD) == "DPD");
  CHECK(detection::CarrierDisplayName(v1::CARRIER_DPD, "it") == "DPD");
  CHECK(detection::CarrierDisplayName(v1::CARRIER_UPS, "de") == "UPS");  // central table
  CHECK(LocalizedNames{.en = "Royal Mail", .fr = "Royal Mail (UK)"}.For("fr") == "Royal Mail (UK)");
  CHECK(LocalizedNames{.en = "Royal Mail", .fr = "Royal Mail (UK)"}.For("it") == "Royal Mail");
  const std::vector<const Crosswalk*> crosswalks = AllCrosswalks();
  CHECK(std::find(crosswalks.begin(), crosswalks.end(), &dpd->crosswalks[0]()) != crosswalks.end());
}

TEST_CASE("GoTogether names the keys in plain words", "[carrier]") {
  CHECK(GoTogether({"client_id", "client_secret"}) == "client_id and client_secret go together");
  CHECK(GoTogether({"client_id", "client_secret", "refresh_token"}) ==
        "client_id, client_secret and refresh_token go together");
}

}  // namespace
}  // namespace trackenrich::adapters
