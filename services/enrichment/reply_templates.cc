#include "services/enrichment/reply_templates.h"

#include <algorithm>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "boost/json.hpp"
#include "spdlog/spdlog.h"

namespace trackenrich::enrichment {
namespace {

namespace json = boost::json;

absl::Status KeyError(absl::string_view key, absl::string_view problem) {
  return absl::InvalidArgumentError(absl::StrCat(key, ": ", problem));
}

std::string Key(absl::string_view prefix, absl::string_view name) {
  return prefix.empty() ? std::string(name) : absl::StrCat(prefix, ".", name);
}

std::string AsString(const json::string& value) { return std::string(value.data(), value.size()); }

template <size_t N>
bool IsOneOf(absl::string_view name, const char* const (&names)[N]) {
  for (const char* known : names) {
    if (name == known) return true;
  }
  return false;
}

bool ValidTemplateId(absl::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    const auto byte = static_cast<unsigned char>(c);
    if (!absl::ascii_islower(byte) && !absl::ascii_isdigit(byte) && c != '_' && c != '-') {
      return false;
    }
  }
  return true;
}

bool ValidLanguageTag(absl::string_view tag) {
  const std::vector<absl::string_view> parts = absl::StrSplit(tag, absl::ByAnyChar("-_"));
  if (parts[0].size() < 2 || parts[0].size() > 3) return false;
  for (absl::string_view part : parts) {
    if (part.empty() || part.size() > 8) return false;
    for (char c : part) {
      if (!absl::ascii_isalnum(static_cast<unsigned char>(c))) return false;
    }
  }
  for (char c : parts[0]) {
    if (!absl::ascii_isalpha(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// Reads `{name}`, `{?name}`, `{^name}` or `{/name}` at `text[i]`; false when
// the brace starts no placeholder (it is then plain text).
bool ReadTag(absl::string_view text, size_t i, char* kind, std::string* name, size_t* end) {
  size_t j = i + 1;
  *kind = ' ';
  if (j < text.size() && (text[j] == '?' || text[j] == '^' || text[j] == '/')) *kind = text[j++];
  const size_t name_begin = j;
  while (j < text.size() &&
         (absl::ascii_islower(static_cast<unsigned char>(text[j])) || text[j] == '_')) {
    ++j;
  }
  if (j == name_begin || j >= text.size() || text[j] != '}') return false;
  *name = std::string(text.substr(name_begin, j - name_begin));
  *end = j + 1;
  return true;
}

// `package_line`: only a package's own placeholders are allowed.
absl::StatusOr<std::vector<TemplateNode>> ParseTemplateText(absl::string_view text,
                                                            absl::string_view key,
                                                            bool package_line = false) {
  std::vector<TemplateNode> root;
  // The open sections, innermost last; each points into its parent's list.
  std::vector<std::vector<TemplateNode>*> stack = {&root};
  // The open sections as written after the brace: "?eta", "^packages".
  std::vector<std::string> open_names;
  std::string literal;
  auto flush = [&] {
    if (literal.empty()) return;
    TemplateNode node;
    node.text = std::move(literal);
    stack.back()->push_back(std::move(node));
    literal.clear();
  };
  for (size_t i = 0; i < text.size();) {
    char kind = ' ';
    std::string name;
    size_t end = 0;
    if (text[i] != '{' || !ReadTag(text, i, &kind, &name, &end)) {
      literal.push_back(text[i++]);
      continue;
    }
    if (package_line && !IsOneOf(name, kPackagePlaceholders)) {
      return KeyError(
          key, absl::StrCat("a package line names only a package's own placeholders (",
                            absl::StrJoin(kPackagePlaceholders, ", "), "), not {", name, "}"));
    }
    if (!IsOneOf(name, kPlaceholders)) {
      return KeyError(key, absl::StrCat("unknown placeholder {", name,
                                        "} (known: ", absl::StrJoin(kPlaceholders, ", "), ")"));
    }
    flush();
    if (kind == ' ') {
      TemplateNode node;
      node.kind = TemplateNode::Kind::kPlaceholder;
      node.text = name;
      stack.back()->push_back(std::move(node));
    } else if (kind == '?' || kind == '^') {
      TemplateNode node;
      node.kind = kind == '?' ? TemplateNode::Kind::kSection : TemplateNode::Kind::kInvertedSection;
      node.text = name;
      stack.back()->push_back(std::move(node));
      stack.push_back(&stack.back()->back().children);
      open_names.push_back(absl::StrCat(std::string(1, kind), name));
    } else {
      if (open_names.empty() || open_names.back().substr(1) != name) {
        return KeyError(key, absl::StrCat("{/", name, "} closes no open {?", name, "} or {^", name,
                                          "} section"));
      }
      stack.pop_back();
      open_names.pop_back();
    }
    i = end;
  }
  if (!open_names.empty()) {
    return KeyError(key, absl::StrCat("section {", open_names.back(), "} is never closed"));
  }
  flush();
  return root;
}

absl::Status CheckKeys(const json::object& object, absl::string_view where,
                       std::initializer_list<absl::string_view> allowed) {
  for (const auto& entry : object) {
    bool known = false;
    for (absl::string_view key : allowed)
      known |= entry.key() == std::string_view(key.data(), key.size());
    if (!known) return KeyError(Key(where, std::string(entry.key())), "unknown key");
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> ReadText(const json::value& value, absl::string_view key,
                                     bool allow_lines) {
  if (value.is_string()) return AsString(value.as_string());
  if (allow_lines && value.is_array()) {
    std::vector<std::string> lines;
    for (const json::value& line : value.as_array()) {
      if (!line.is_string()) return KeyError(key, "every line must be a string");
      lines.push_back(AsString(line.as_string()));
    }
    return absl::StrJoin(lines, "\n");
  }
  return KeyError(key, allow_lines ? "must be a string or an array of lines" : "must be a string");
}

template <typename Enum>
absl::Status ReadWords(const json::value& value, absl::string_view key, absl::string_view prefix,
                       bool (*parse)(const std::string&, Enum*),
                       std::map<std::string, std::string>& out) {
  if (!value.is_object()) return KeyError(key, "must be an object");
  for (const auto& entry : value.as_object()) {
    const std::string name(entry.key());
    Enum parsed;
    if (!parse(absl::StrCat(prefix, name), &parsed)) {
      return KeyError(Key(key, name), absl::StrCat("not a known value"));
    }
    if (!entry.value().is_string() || entry.value().as_string().empty()) {
      return KeyError(Key(key, name), "must be a non-empty string");
    }
    out[name] = AsString(entry.value().as_string());
  }
  return absl::OkStatus();
}

}  // namespace

std::string CanonicalLanguageTag(absl::string_view tag) {
  std::vector<std::string> parts = absl::StrSplit(tag, absl::ByAnyChar("-_"), absl::SkipEmpty());
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0 && parts[i].size() == 2) {
      absl::AsciiStrToUpper(&parts[i]);
    } else {
      absl::AsciiStrToLower(&parts[i]);
    }
  }
  return absl::StrJoin(parts, "-");
}

std::vector<std::string> LanguageFallbacks(absl::string_view tag) {
  std::vector<std::string> chain;
  std::string current = CanonicalLanguageTag(tag);
  while (!current.empty()) {
    chain.push_back(current);
    const size_t dash = current.rfind('-');
    if (dash == std::string::npos) break;
    current.resize(dash);
  }
  if (std::find(chain.begin(), chain.end(), "en") == chain.end()) chain.push_back("en");
  return chain;
}

absl::optional<std::string> ReplyTemplate::ResolveLanguage(absl::string_view requested) const {
  for (const std::string& candidate : LanguageFallbacks(requested)) {
    if (languages.contains(candidate)) return candidate;
  }
  return absl::nullopt;
}

absl::StatusOr<TemplateCatalog> TemplateCatalog::Parse(absl::string_view text) {
  boost::system::error_code error;
  json::value root = json::parse(std::string_view(text.data(), text.size()), error);
  if (error)
    return absl::InvalidArgumentError(absl::StrCat("not valid JSON (", error.message(), ")"));
  if (!root.is_object()) return absl::InvalidArgumentError("top level must be an object");
  const json::object& top = root.as_object();
  if (auto status = CheckKeys(top, "", {"words", "templates"}); !status.ok()) return status;

  TemplateCatalog catalog;
  if (const json::value* words = top.if_contains("words")) {
    if (!words->is_object()) return KeyError("words", "must be an object");
    for (const auto& language : words->as_object()) {
      const std::string tag(language.key());
      const std::string where = Key("words", tag);
      if (!ValidLanguageTag(tag)) return KeyError(where, "not a language tag such as \"de\"");
      if (!language.value().is_object()) return KeyError(where, "must be an object");
      const json::object& entry = language.value().as_object();
      if (auto status = CheckKeys(entry, where, {"states", "reasons", "package_line"});
          !status.ok()) {
        return status;
      }
      const std::string canonical = CanonicalLanguageTag(tag);
      if (const json::value* states = entry.if_contains("states")) {
        if (auto status = ReadWords<v1::ShipmentState>(*states, Key(where, "states"),
                                                       "SHIPMENT_STATE_", &v1::ShipmentState_Parse,
                                                       catalog.state_words_[canonical]);
            !status.ok()) {
          return status;
        }
      }
      if (const json::value* line = entry.if_contains("package_line")) {
        const std::string line_key = Key(where, "package_line");
        auto text = ReadText(*line, line_key, false);
        if (!text.ok()) return text.status();
        auto nodes = ParseTemplateText(*text, line_key, /*package_line=*/true);
        if (!nodes.ok()) return nodes.status();
        catalog.package_lines_[canonical] = *std::move(nodes);
      }
      if (const json::value* reasons = entry.if_contains("reasons")) {
        if (auto status = ReadWords<v1::StateReason>(*reasons, Key(where, "reasons"),
                                                     "STATE_REASON_", &v1::StateReason_Parse,
                                                     catalog.reason_words_[canonical]);
            !status.ok()) {
          return status;
        }
      }
    }
  }

  if (const json::value* templates = top.if_contains("templates")) {
    if (!templates->is_object()) return KeyError("templates", "must be an object");
    for (const auto& entry : templates->as_object()) {
      const std::string id(entry.key());
      const std::string where = Key("templates", id);
      if (!ValidTemplateId(id)) {
        return KeyError(where, "template IDs are 1-64 lower-case letters, digits, '_' and '-'");
      }
      if (!entry.value().is_object()) return KeyError(where, "must be an object");
      const json::object& object = entry.value().as_object();
      if (auto status = CheckKeys(object, where, {"description", "languages"}); !status.ok()) {
        return status;
      }
      ReplyTemplate reply;
      reply.id = id;
      if (const json::value* description = object.if_contains("description")) {
        auto text = ReadText(*description, Key(where, "description"), false);
        if (!text.ok()) return text.status();
        reply.description = *std::move(text);
      }
      const json::value* languages = object.if_contains("languages");
      if (languages == nullptr || !languages->is_object() || languages->as_object().empty()) {
        return KeyError(Key(where, "languages"), "must be an object with at least one language");
      }
      for (const auto& language : languages->as_object()) {
        const std::string tag(language.key());
        const std::string language_key = Key(Key(where, "languages"), tag);
        if (!ValidLanguageTag(tag)) {
          return KeyError(language_key, "not a language tag such as \"de\" or \"de-AT\"");
        }
        if (!language.value().is_object()) return KeyError(language_key, "must be an object");
        const json::object& texts = language.value().as_object();
        if (auto status = CheckKeys(texts, language_key, {"subject", "body"}); !status.ok()) {
          return status;
        }
        const json::value* subject = texts.if_contains("subject");
        const json::value* body = texts.if_contains("body");
        if (subject == nullptr) return KeyError(Key(language_key, "subject"), "required");
        if (body == nullptr) return KeyError(Key(language_key, "body"), "required");
        auto subject_text = ReadText(*subject, Key(language_key, "subject"), false);
        if (!subject_text.ok()) return subject_text.status();
        auto body_text = ReadText(*body, Key(language_key, "body"), true);
        if (!body_text.ok()) return body_text.status();
        TemplateText parsed;
        auto subject_nodes = ParseTemplateText(*subject_text, Key(language_key, "subject"));
        if (!subject_nodes.ok()) return subject_nodes.status();
        auto body_nodes = ParseTemplateText(*body_text, Key(language_key, "body"));
        if (!body_nodes.ok()) return body_nodes.status();
        parsed.subject = *std::move(subject_nodes);
        parsed.body = *std::move(body_nodes);
        reply.languages[CanonicalLanguageTag(tag)] = std::move(parsed);
      }
      catalog.templates_[id] = std::move(reply);
    }
  }
  return catalog;
}

std::shared_ptr<const TemplateCatalog> TemplateCatalog::Builtin() {
  static const auto* const builtin = [] {
    auto parsed = Parse(BuiltinTemplatesJson());
    if (!parsed.ok()) {
      // Unreachable with a tested build: reply_templates_test parses the file.
      spdlog::error("built-in reply templates do not parse: {}",
                    std::string(parsed.status().message()));
      return new std::shared_ptr<const TemplateCatalog>(std::make_shared<TemplateCatalog>());
    }
    return new std::shared_ptr<const TemplateCatalog>(
        std::make_shared<TemplateCatalog>(*std::move(parsed)));
  }();
  return *builtin;
}

absl::StatusOr<std::shared_ptr<const TemplateCatalog>> TemplateCatalog::Load(
    const std::vector<std::string>& files) {
  if (files.empty()) return Builtin();
  auto catalog = std::make_shared<TemplateCatalog>(*Builtin());
  for (size_t i = 0; i < files.size(); ++i) {
    const std::string key = absl::StrCat("templates.files[", i, "]");
    std::ifstream file(files[i], std::ios::binary);
    if (!file) return KeyError(key, absl::StrCat("cannot read ", files[i]));
    std::stringstream contents;
    contents << file.rdbuf();
    auto parsed = Parse(contents.str());
    if (!parsed.ok()) {
      return KeyError(key, absl::StrCat(files[i], ": ", parsed.status().message()));
    }
    catalog->Merge(*parsed);
  }
  return std::shared_ptr<const TemplateCatalog>(std::move(catalog));
}

void TemplateCatalog::Merge(const TemplateCatalog& other) {
  for (const auto& [id, reply] : other.templates_) {
    ReplyTemplate& mine = templates_[id];
    mine.id = id;
    if (!reply.description.empty()) mine.description = reply.description;
    for (const auto& [language, text] : reply.languages) mine.languages[language] = text;
  }
  for (const auto& [language, words] : other.state_words_) {
    for (const auto& [name, text] : words) state_words_[language][name] = text;
  }
  for (const auto& [language, words] : other.reason_words_) {
    for (const auto& [name, text] : words) reason_words_[language][name] = text;
  }
  for (const auto& [language, line] : other.package_lines_) package_lines_[language] = line;
}

const ReplyTemplate* TemplateCatalog::Find(absl::string_view id) const {
  const auto it = templates_.find(std::string(id));
  return it == templates_.end() ? nullptr : &it->second;
}

std::string TemplateCatalog::LookUp(const Words& words, absl::string_view language,
                                    const std::string& key) {
  for (const std::string& candidate : LanguageFallbacks(language)) {
    const auto in_language = words.find(candidate);
    if (in_language == words.end()) continue;
    const auto found = in_language->second.find(key);
    if (found != in_language->second.end()) return found->second;
  }
  return "";
}

std::string TemplateCatalog::StateWords(absl::string_view language, v1::ShipmentState state) const {
  std::string name = v1::ShipmentState_Name(state);
  if (name.size() <= 15) return "";
  return LookUp(state_words_, language, name.substr(15));
}

std::string TemplateCatalog::ReasonWords(absl::string_view language, v1::StateReason reason) const {
  std::string name = v1::StateReason_Name(reason);
  if (name.size() <= 13) return "";
  return LookUp(reason_words_, language, name.substr(13));
}

const std::vector<TemplateNode>* TemplateCatalog::PackageLine(absl::string_view language) const {
  for (const std::string& candidate : LanguageFallbacks(language)) {
    const auto found = package_lines_.find(candidate);
    if (found != package_lines_.end()) return &found->second;
  }
  return nullptr;
}

}  // namespace trackenrich::enrichment
