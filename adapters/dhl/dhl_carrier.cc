#include "adapters/dhl/dhl_carrier.h"

#include <memory>
#include <string>
#include <utility>

#include "adapters/dhl/dhl_adapter.h"

namespace trackenrich::adapters::dhl {
namespace {

class Section final : public CarrierSectionOf<DhlSettings> {
 public:
  std::unique_ptr<CarrierSection> Clone() const override {
    return std::make_unique<Section>(*this);
  }
  absl::Status Register(AdapterRegistry& registry, http::HttpClient& client) const override {
    return RegisterDhlAdapter(registry, client, settings);
  }

 protected:
  absl::Span<const Credential> Credentials() const override {
    static const Credential kCredentials[] = {
        {"api_key", &DhlSettings::api_key, kSandboxApiKey},
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

const CarrierDescriptor& DhlCarrier() {
  static const CarrierDescriptor kCarrier{
      .name = "dhl", .new_section = [] { return std::unique_ptr<CarrierSection>(new Section()); }};
  return kCarrier;
}

}  // namespace trackenrich::adapters::dhl
