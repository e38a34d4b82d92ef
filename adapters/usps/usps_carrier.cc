#include "adapters/usps/usps_carrier.h"

#include <memory>
#include <string>
#include <utility>

#include "adapters/usps/usps_adapter.h"

namespace trackenrich::adapters::usps {
namespace {

class Section final : public CarrierSectionOf<UspsSettings> {
 public:
  std::unique_ptr<CarrierSection> Clone() const override {
    return std::make_unique<Section>(*this);
  }
  absl::Status Register(AdapterRegistry& registry, http::HttpClient& client) const override {
    return RegisterUspsAdapter(registry, client, settings);
  }

 protected:
  absl::Span<const Credential> Credentials() const override {
    static const Credential kCredentials[] = {
        {"client_id", &UspsSettings::client_id, kSandboxClientId},
        {"client_secret", &UspsSettings::client_secret, kSandboxClientSecret},
    };
    return kCredentials;
  }
  absl::Status ReadOptions(SectionReader& reader) override {
    return reader.String("base_url", &settings.base_url);
  }
  void UseSandboxUrl(absl::string_view base_url) override {
    settings.base_url = std::string(base_url);
  }
};

}  // namespace

const CarrierDescriptor& UspsCarrier() {
  static const CarrierDescriptor kCarrier{
      .name = "usps", .new_section = [] { return std::unique_ptr<CarrierSection>(new Section()); }};
  return kCarrier;
}

}  // namespace trackenrich::adapters::usps
