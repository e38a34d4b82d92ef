#include "adapters/common/utf8.h"

#include <utility>
#include <vector>

#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"

namespace trackenrich::adapters {
namespace {

// Length of the well-formed UTF-8 sequence `text` starts with (Unicode 15,
// table 3-7); 0 if it starts with none.
size_t SequenceLength(absl::string_view text) {
  const auto lead = static_cast<unsigned char>(text[0]);
  if (lead < 0x80) return 1;
  size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (text.size() < length) return 0;
  const auto second = static_cast<unsigned char>(text[1]);
  if (second < low || second > high) return 0;
  for (size_t i = 2; i < length; ++i) {
    const auto next = static_cast<unsigned char>(text[i]);
    if (next < 0x80 || next > 0xBF) return 0;
  }
  return length;
}

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// How many bytes a character starting with `lead` has (1 for bytes that
// cannot start one: those are cut like ASCII).
size_t DeclaredLength(char lead) {
  const auto byte = static_cast<unsigned char>(lead);
  if (byte >= 0xF0 && byte <= 0xF4) return 4;
  if (byte >= 0xE0) return byte <= 0xEF ? 3 : 1;
  if (byte >= 0xC2) return 2;
  return 1;
}

bool RepairString(const google::protobuf::Reflection& reflection,
                  google::protobuf::Message* message,
                  const google::protobuf::FieldDescriptor* field, int index) {
  // Checked in place (no copy): the common case is text that is fine.
  std::string scratch;
  const std::string& current =
      index < 0 ? reflection.GetStringReference(*message, field, &scratch)
                : reflection.GetRepeatedStringReference(*message, field, index, &scratch);
  if (IsValidUtf8(current)) return false;
  std::string text = current;
  RepairUtf8(&text);
  if (index < 0) {
    reflection.SetString(message, field, std::move(text));
  } else {
    reflection.SetRepeatedString(message, field, index, std::move(text));
  }
  return true;
}

}  // namespace

bool IsValidUtf8(absl::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const size_t length = SequenceLength(text.substr(i));
    if (length == 0) return false;
    i += length;
  }
  return true;
}

bool RepairUtf8(std::string* text) {
  std::string repaired;
  size_t done = 0;
  bool changed = false;
  for (size_t i = 0; i < text->size();) {
    const size_t length = SequenceLength(absl::string_view(*text).substr(i));
    if (length > 0) {
      i += length;
      continue;
    }
    repaired.append(*text, done, i - done);
    repaired.append(kReplacementCharacter.data(), kReplacementCharacter.size());
    done = ++i;
    changed = true;
  }
  if (!changed) return false;
  repaired.append(*text, done, std::string::npos);
  *text = std::move(repaired);
  return true;
}

absl::string_view Utf8Prefix(absl::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  // Back up over the continuation bytes before the cut to the lead byte of
  // the character the cut falls in; keep it only if it ends before the cut.
  size_t start = max_bytes;
  while (start > 0 && IsContinuation(text[start])) --start;
  if (IsContinuation(text[start])) return text.substr(0, 0);
  const size_t end = start + DeclaredLength(text[start]);
  return text.substr(0, end <= max_bytes ? end : start);
}

void TruncateUtf8(std::string* text, size_t max_bytes) {
  text->resize(Utf8Prefix(*text, max_bytes).size());
}

int RepairUtf8Strings(google::protobuf::Message* message) {
  namespace pb = google::protobuf;
  const pb::Reflection* reflection = message->GetReflection();
  std::vector<const pb::FieldDescriptor*> fields;
  reflection->ListFields(*message, &fields);
  int changed = 0;
  for (const pb::FieldDescriptor* field : fields) {
    if (field->type() == pb::FieldDescriptor::TYPE_STRING) {
      if (!field->is_repeated()) {
        changed += RepairString(*reflection, message, field, -1) ? 1 : 0;
        continue;
      }
      for (int i = 0; i < reflection->FieldSize(*message, field); ++i) {
        changed += RepairString(*reflection, message, field, i) ? 1 : 0;
      }
    } else if (field->cpp_type() == pb::FieldDescriptor::CPPTYPE_MESSAGE) {
      if (!field->is_repeated()) {
        changed += RepairUtf8Strings(reflection->MutableMessage(message, field));
        continue;
      }
      for (int i = 0; i < reflection->FieldSize(*message, field); ++i) {
        changed += RepairUtf8Strings(reflection->MutableRepeatedMessage(message, field, i));
      }
    }
  }
  return changed;
}

}  // namespace trackenrich::adapters
