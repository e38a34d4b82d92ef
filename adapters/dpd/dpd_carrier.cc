#include "adapters/dpd/dpd_carrier.h"

#include <memory>
#include <string>
#include <utility>

#include "adapters/dpd/dpd_adapter.h"

namespace trackenrich::adapters::dpd {
namespace {

class Section final : public CarrierSectionOf<DpdSettings> {
 public:
  std::unique_ptr<CarrierSection> Clone() const override {
    return std::make_unique<Section>(*this);
  }
  absl::Status Register(AdapterRegistry& registry, http::HttpClient& client) const override {
    return RegisterDpdAdapter(registry, client, settings);
  }

 protected:
  absl::Span<const Credential> Credentials() const override {
    static const Credential kCredentials[] = {
        {"delis_id", &DpdSettings::delis_id, kSandboxClientId},
        {"password", &DpdSettings::password, kSandboxClientSecret},
    };
    return kCredentials;
  }
  absl::Status ReadOptions(SectionReader& reader) override {
    if (auto status = reader.String("base_url", &settings.base_url); !status.ok()) return status;
    return reader.String("message_language", &settings.message_language);
  }
  void UseSandboxUrl(absl::string_view base_url) override {
    settings.base_url = std::string(base_url);
  }
};

}  // namespace

const CarrierDescriptor& DpdCarrier() {
  static const CarrierDescriptor kCarrier{
      .name = "dpd", .new_section = [] { return std::unique_ptr<CarrierSection>(new Section()); }};
  return kCarrier;
}

}  // namespace trackenrich::adapters::dpd
