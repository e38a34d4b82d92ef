#include "adapters/ups/ups_carrier.h"

#include <memory>
#include <string>
#include <utility>

#include "adapters/ups/ups_adapter.h"

namespace trackenrich::adapters::ups {
namespace {

class Section final : public CarrierSectionOf<UpsSettings> {
 public:
  std::unique_ptr<CarrierSection> Clone() const override {
    return std::make_unique<Section>(*this);
  }
  absl::Status Register(AdapterRegistry& registry, http::HttpClient& client) const override {
    return RegisterUpsAdapter(registry, client, settings);
  }

 protected:
  absl::Span<const Credential> Credentials() const override {
    static const Credential kCredentials[] = {
        {"client_id", &UpsSettings::client_id, kSandboxClientId},
        {"client_secret", &UpsSettings::client_secret, kSandboxClientSecret},
    };
    return kCredentials;
  }
  absl::Status ReadOptions(SectionReader& reader) override {
    if (auto status = reader.String("base_url", &settings.base_url); !status.ok()) return status;
    return reader.String("locale", &settings.locale);
  }
  void UseSandboxUrl(absl::string_view base_url) override {
    settings.base_url = std::string(base_url);
  }
};

}  // namespace

const CarrierDescriptor& UpsCarrier() {
  static const CarrierDescriptor kCarrier{
      .name = "ups", .new_section = [] { return std::unique_ptr<CarrierSection>(new Section()); }};
  return kCarrier;
}

}  // namespace trackenrich::adapters::ups
