#include "adapters/amazon_shipping/amazon_shipping_carrier.h"

#include <memory>
#include <string>
#include <utility>

#include "adapters/amazon_shipping/amazon_shipping_adapter.h"

namespace trackenrich::adapters::amazon_shipping {
namespace {

class Section final : public CarrierSectionOf<AmazonShippingSettings> {
 public:
  std::unique_ptr<CarrierSection> Clone() const override {
    return std::make_unique<Section>(*this);
  }
  absl::Status Register(AdapterRegistry& registry, http::HttpClient& client) const override {
    return RegisterAmazonShippingAdapter(registry, client, settings);
  }

 protected:
  absl::Span<const Credential> Credentials() const override {
    static const Credential kCredentials[] = {
        {"client_id", &AmazonShippingSettings::client_id, kSandboxClientId},
        {"client_secret", &AmazonShippingSettings::client_secret, kSandboxClientSecret},
        {"refresh_token", &AmazonShippingSettings::refresh_token, kSandboxRefreshToken},
    };
    return kCredentials;
  }
  absl::Status ReadOptions(SectionReader& reader) override {
    for (auto [key, field] :
         {std::pair{"base_url", &settings.base_url}, std::pair{"lwa_url", &settings.lwa_url},
          std::pair{"carrier_id", &settings.carrier_id},
          std::pair{"business_id", &settings.business_id}}) {
      if (auto status = reader.String(key, field); !status.ok()) return status;
    }
    return absl::OkStatus();
  }
  absl::Status Check(SectionReader& reader) const override {
    if (settings.carrier_id.empty()) return reader.Invalid("carrier_id", "must not be empty");
    return absl::OkStatus();
  }
  void UseSandboxUrl(absl::string_view base_url) override {
    settings.base_url = std::string(base_url);
    settings.lwa_url = std::string(base_url);
  }
};

}  // namespace

const CarrierDescriptor& AmazonShippingCarrier() {
  static const CarrierDescriptor kCarrier{.name = "amazon_shipping", .new_section = [] {
                                            return std::unique_ptr<CarrierSection>(new Section());
                                          }};
  return kCarrier;
}

}  // namespace trackenrich::adapters::amazon_shipping
