#include "adapters/detection/check_digits.h"

#include <array>

#include "absl/strings/ascii.h"

namespace trackenrich::detection {
namespace {

// The value of [0-9A-Z] in the MOD 37,36 alphabet, or -1.
int Alphabet36Value(char c) {
  if (absl::ascii_isdigit(c)) return c - '0';
  if (absl::ascii_isupper(c)) return c - 'A' + 10;
  return -1;
}

// Whether `checked` ends with the digit `expected` (-1 never matches).
bool EndsWithDigit(absl::string_view checked, int expected) {
  return expected >= 0 && !checked.empty() && checked.back() == '0' + expected;
}

absl::string_view WithoutLast(absl::string_view checked) {
  return checked.substr(0, checked.empty() ? 0 : checked.size() - 1);
}

}  // namespace

int Mod10CharacterValue(char c) {
  if (absl::ascii_isdigit(c)) return c - '0';
  if (absl::ascii_isupper(c)) return (c - 'A' + 2) % 10;
  return -1;
}

int Mod10CheckDigit(absl::string_view payload, Mod10Weights weights) {
  if (payload.empty()) return -1;
  int sum = 0;
  bool rightmost = true;
  for (auto it = payload.rbegin(); it != payload.rend(); ++it) {
    const int value = Mod10CharacterValue(*it);
    if (value < 0) return -1;
    sum += value * (rightmost ? weights.rightmost : weights.next);
    rightmost = !rightmost;
  }
  return (10 - sum % 10) % 10;
}

int Mod7CheckDigit(absl::string_view payload) {
  if (payload.empty()) return -1;
  int remainder = 0;
  for (char c : payload) {
    if (!absl::ascii_isdigit(c)) return -1;
    remainder = (remainder * 10 + (c - '0')) % 7;
  }
  return remainder;
}

int FedExMod11CheckDigit(absl::string_view payload) {
  if (payload.empty()) return -1;
  static constexpr std::array<int, 3> kWeights = {1, 3, 7};
  int sum = 0;
  size_t position = 0;
  for (auto it = payload.rbegin(); it != payload.rend(); ++it, ++position) {
    if (!absl::ascii_isdigit(*it)) return -1;
    sum += (*it - '0') * kWeights[position % kWeights.size()];
  }
  return sum % 11 % 10;
}

int S10CheckDigit(absl::string_view serial) {
  static constexpr std::array<int, 8> kWeights = {8, 6, 4, 2, 3, 5, 9, 7};
  if (serial.size() != kWeights.size()) return -1;
  int sum = 0;
  for (size_t i = 0; i < kWeights.size(); ++i) {
    if (!absl::ascii_isdigit(serial[i])) return -1;
    sum += (serial[i] - '0') * kWeights[i];
  }
  const int check = 11 - sum % 11;
  if (check == 10) return 0;
  if (check == 11) return 5;
  return check;
}

char Iso7064Mod3736CheckCharacter(absl::string_view payload) {
  static constexpr int kModulus = 36;
  static constexpr absl::string_view kAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  if (payload.empty()) return '\0';
  int product = kModulus;
  for (char c : payload) {
    const int value = Alphabet36Value(c);
    if (value < 0) return '\0';
    int sum = (product + value) % kModulus;
    if (sum == 0) sum = kModulus;
    product = sum * 2 % (kModulus + 1);
  }
  return kAlphabet[(kModulus + 1 - product) % kModulus];
}

bool HasMod10CheckDigit(absl::string_view checked, Mod10Weights weights) {
  return EndsWithDigit(checked, Mod10CheckDigit(WithoutLast(checked), weights));
}

bool HasGs1CheckDigit(absl::string_view checked) {
  return HasMod10CheckDigit(checked, kGs1Weights);
}

bool HasGs1CheckDigitWithImpliedPrefix(absl::string_view implied, absl::string_view checked) {
  std::array<char, 48> buffer;
  if (implied.size() + checked.size() > buffer.size()) return false;
  implied.copy(buffer.data(), implied.size());
  checked.copy(buffer.data() + implied.size(), checked.size());
  return HasGs1CheckDigit(absl::string_view(buffer.data(), implied.size() + checked.size()));
}

bool HasMod7CheckDigit(absl::string_view checked) {
  return EndsWithDigit(checked, Mod7CheckDigit(WithoutLast(checked)));
}

bool HasFedExMod11CheckDigit(absl::string_view checked) {
  return EndsWithDigit(checked, FedExMod11CheckDigit(WithoutLast(checked)));
}

bool HasS10CheckDigit(absl::string_view checked) {
  return EndsWithDigit(checked, S10CheckDigit(WithoutLast(checked)));
}

}  // namespace trackenrich::detection
