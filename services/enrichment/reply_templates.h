// Reply templates as data: the built-in set (builtin_templates.json,
// compiled into the binary) plus the seller's own files from the config
// (`templates.files`), parsed and checked once at start-up.
//
//   auto catalog = TemplateCatalog::Load({"/etc/trackenrich/templates.json"});
//   const ReplyTemplate* reply = (*catalog)->Find("fbm_status_update");
//   absl::optional<std::string> language = reply->ResolveLanguage("de-AT");   // "de"
//
// A template document is JSON:
//   {"words": {"<lang>": {"states": {"IN_TRANSIT": "in transit", ...},
//                         "reasons": {"ADDRESS_ISSUE": "...", ...},
//                         "package_line": "- {carrier} {tracking_number}: {status}"}},
//    "templates": {"<id>": {"description": "...",
//                           "languages": {"<lang>": {"subject": "...",
//                                                    "body": ["line", "line", ...]}}}}}
// `body` is a string or an array of lines joined with "\n". Placeholders:
// {carrier} {tracking_number} {status} {status_detail} {eta} {delivered_date}
// {tracking_link} {order_id}, for orders in more than one package {packages}
// (one package_line per package) {package_count} {packages_delivered}
// {packages_not_delivered}, and for orders not shipped yet {ship_by}
// {deliver_by} (reply_renderer.h says what each holds). A section
// {?name}...{/name} is kept only when `name` has a value, {^name}...{/name}
// only when it has none. A package_line names only a package's own
// placeholders. Unknown placeholders, unbalanced sections, unknown keys, bad
// IDs and bad language tags are errors naming the key. A file's template
// replaces the same template's translation in the same language and adds the
// rest; its words replace the same words.
#ifndef TRACKENRICH_SERVICES_ENRICHMENT_REPLY_TEMPLATES_H_
#define TRACKENRICH_SERVICES_ENRICHMENT_REPLY_TEMPLATES_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/optional.h"

#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::enrichment {

// The placeholders a template may name.
inline constexpr const char* kPlaceholders[] = {"carrier",
                                                "tracking_number",
                                                "status",
                                                "status_detail",
                                                "eta",
                                                "delivered_date",
                                                "tracking_link",
                                                "order_id",
                                                "store",
                                                "packages",
                                                "package_count",
                                                "packages_delivered",
                                                "packages_not_delivered",
                                                "ship_by",
                                                "deliver_by"};

// The placeholders of one package: all a package_line may name.
inline constexpr const char* kPackagePlaceholders[] = {
    "carrier", "tracking_number", "status",       "status_detail",
    "eta",     "delivered_date",  "tracking_link"};

// One piece of a parsed template: literal text, a placeholder, or a section
// whose children are kept only when its placeholder has a value (kSection)
// or has none (kInvertedSection).
struct TemplateNode {
  enum class Kind { kText, kPlaceholder, kSection, kInvertedSection };
  Kind kind = Kind::kText;
  // The literal text, or the placeholder's name.
  std::string text;
  std::vector<TemplateNode> children;
};

struct TemplateText {
  std::vector<TemplateNode> subject;
  std::vector<TemplateNode> body;
};

struct ReplyTemplate {
  std::string id;
  std::string description;
  // Canonical language tag ("de", "de-AT") → text.
  std::map<std::string, TemplateText> languages;

  // The first of `requested`, its language alone, then "en" that this
  // template has: "de-AT" → "de-AT", "de", "en". nullopt when none.
  absl::optional<std::string> ResolveLanguage(absl::string_view requested) const;
};

class TemplateCatalog {
 public:
  // Parses one template document; errors are INVALID_ARGUMENT and name the
  // key within it ("templates.x.languages.de.body: unknown placeholder {y}").
  static absl::StatusOr<TemplateCatalog> Parse(absl::string_view json);

  // The built-in set. Parsed once; never null.
  static std::shared_ptr<const TemplateCatalog> Builtin();

  // The built-in set merged with each file in turn. Errors name the file:
  // "templates.files[1]: /path: templates.x.subject: must be a string".
  static absl::StatusOr<std::shared_ptr<const TemplateCatalog>> Load(
      const std::vector<std::string>& files);

  void Merge(const TemplateCatalog& other);

  // nullptr when no template has that ID.
  const ReplyTemplate* Find(absl::string_view id) const;
  const std::map<std::string, ReplyTemplate>& templates() const { return templates_; }

  // The words for a state or reason in `language` (canonical tag), falling
  // back like ResolveLanguage; "" when no language has them.
  std::string StateWords(absl::string_view language, v1::ShipmentState state) const;
  std::string ReasonWords(absl::string_view language, v1::StateReason reason) const;
  // How one package of several is listed in `language`, falling back like
  // ResolveLanguage; nullptr when no language has a package_line.
  const std::vector<TemplateNode>* PackageLine(absl::string_view language) const;

 private:
  using Words = std::map<std::string, std::map<std::string, std::string>>;
  static std::string LookUp(const Words& words, absl::string_view language, const std::string& key);

  std::map<std::string, ReplyTemplate> templates_;
  // Language → enum name without prefix ("IN_TRANSIT") → words.
  Words state_words_;
  Words reason_words_;
  // Language → parsed package_line.
  std::map<std::string, std::vector<TemplateNode>> package_lines_;
};

// "DE_at" → "de-AT": primary subtag lower case, two-letter region upper case,
// "-" between subtags.
std::string CanonicalLanguageTag(absl::string_view tag);

// "de-AT-x" → {"de-AT-x", "de-AT", "de", "en"}; "" → {"en"}.
std::vector<std::string> LanguageFallbacks(absl::string_view tag);

// builtin_templates.json, embedded at build time (builtin_templates_data.cc).
absl::string_view BuiltinTemplatesJson();

}  // namespace trackenrich::enrichment

#endif  // TRACKENRICH_SERVICES_ENRICHMENT_REPLY_TEMPLATES_H_
