#include "adapters/detection/check_digits.h"

#include <catch2/catch.hpp>

namespace trackenrich::detection {
namespace {

// Whether the last character of `number` is the check digit `check_digit`
// computes over the characters before it.
template <typename CheckDigitFn>
bool Passes(absl::string_view number, CheckDigitFn check_digit) {
  const int expected = check_digit(number.substr(0, number.size() - 1));
  return expected >= 0 && number.back() == '0' + expected;
}

bool PassesMod10(absl::string_view number, Mod10Weights weights) {
  return Passes(number,
                [&](absl::string_view payload) { return Mod10CheckDigit(payload, weights); });
}

TEST_CASE("Mod10CharacterValue converts letters as UPS does", "[detection][check_digits]") {
  CHECK(Mod10CharacterValue('0') == 0);
  CHECK(Mod10CharacterValue('9') == 9);
  CHECK(Mod10CharacterValue('A') == 2);
  CHECK(Mod10CharacterValue('H') == 9);
  CHECK(Mod10CharacterValue('I') == 0);
  CHECK(Mod10CharacterValue('S') == 0);
  CHECK(Mod10CharacterValue('Z') == 7);
  CHECK(Mod10CharacterValue('C') == 4);
  CHECK(Mod10CharacterValue('D') == 5);
  CHECK(Mod10CharacterValue('a') == -1);
  CHECK(Mod10CharacterValue('-') == -1);
}

TEST_CASE("Mod10CheckDigit with UPS weights", "[detection][check_digits]") {
  // The 15 characters after 1Z.
  CHECK(Mod10CheckDigit("999AA1012345678", kUpsWeights) == 4);
  CHECK(Mod10CheckDigit("5R8939035756712", kUpsWeights) == 7);
  CHECK(Mod10CheckDigit("XX3150YW4407002", kUpsWeights) == 3);
  CHECK(Mod10CheckDigit("111111111111111", kUpsWeights) == 8);  // 1Z1111111111111111 is invalid
  // UPS waybill: the 9 digits after the service letter.
  CHECK(PassesMod10("1506235620", kUpsWeights));
  CHECK(PassesMod10("4603636537", kUpsWeights));
  CHECK_FALSE(PassesMod10("1506235622", kUpsWeights));
  CHECK_FALSE(PassesMod10("0411335627", kUpsWeights));
}

TEST_CASE("Mod10CheckDigit with GS1 weights", "[detection][check_digits]") {
  CHECK(PassesMod10("000123450000000027", kGs1Weights));      // SSCC-18
  CHECK(PassesMod10("9400111206206406260787", kGs1Weights));  // USPS IMpb
  CHECK(PassesMod10("03071790000523483741", kGs1Weights));    // USPS 20
  CHECK(PassesMod10("0073938000549297", kGs1Weights));        // Canada Post
  CHECK(PassesMod10("568283610012734", kGs1Weights));         // FedEx Ground
  CHECK_FALSE(PassesMod10("0073938000549292", kGs1Weights));
  CHECK_FALSE(PassesMod10("9434611206206407667131", kGs1Weights));
  CHECK_FALSE(PassesMod10("568283610012732", kGs1Weights));
  // The weights matter: the UPS payload gives another digit under GS1.
  CHECK(Mod10CheckDigit("999AA1012345678", kGs1Weights) == 2);
}

TEST_CASE("Mod10CheckDigit with OnTrac weights counts the prefix letter",
          "[detection][check_digits]") {
  CHECK(PassesMod10("C11031500001879", kOnTracWeights));
  CHECK(PassesMod10("D10011354453707", kOnTracWeights));
  CHECK_FALSE(PassesMod10("C11031500001889", kOnTracWeights));
  CHECK_FALSE(PassesMod10("D10011342332144", kOnTracWeights));
}

TEST_CASE("Mod10CheckDigit rejects empty and foreign payloads", "[detection][check_digits]") {
  CHECK(Mod10CheckDigit("", kGs1Weights) == -1);
  CHECK(Mod10CheckDigit("12-34", kGs1Weights) == -1);
  CHECK(Mod10CheckDigit("12a4", kGs1Weights) == -1);
}

TEST_CASE("Mod7CheckDigit (DHL Express)", "[detection][check_digits]") {
  CHECK(Mod7CheckDigit("331881002") == 5);
  CHECK(Mod7CheckDigit("7389105114") == 6);
  CHECK(Passes("1099255990", Mod7CheckDigit));
  CHECK(Passes("3821724944", Mod7CheckDigit));
  CHECK_FALSE(Passes("3318810010", Mod7CheckDigit));
  CHECK_FALSE(Passes("3318810034", Mod7CheckDigit));
  CHECK(Mod7CheckDigit("") == -1);
  CHECK(Mod7CheckDigit("33188100A") == -1);
}

TEST_CASE("FedExMod11CheckDigit (FedEx Express)", "[detection][check_digits]") {
  CHECK(FedExMod11CheckDigit("98657878885") == 5);
  CHECK(Passes("799531274483", FedExMod11CheckDigit));
  CHECK(Passes("790535312317", FedExMod11CheckDigit));
  // The weighted sum leaves 10 here, which becomes 0.
  CHECK(FedExMod11CheckDigit("97436766271") == 0);
  // The 34-digit barcode: the check covers its last 13 digits before the check digit.
  CHECK(Passes("00779017972697", FedExMod11CheckDigit));
  CHECK_FALSE(Passes("996578788855", FedExMod11CheckDigit));
  CHECK_FALSE(Passes("00617767839438", FedExMod11CheckDigit));
  CHECK(FedExMod11CheckDigit("") == -1);
  CHECK(FedExMod11CheckDigit("9865787888X") == -1);
}

TEST_CASE("S10CheckDigit (UPU)", "[detection][check_digits]") {
  CHECK(S10CheckDigit("12345678") == 5);  // RB123456785GB
  // 11 - (sum mod 11) is 10 here, which becomes 0 ...
  CHECK(S10CheckDigit("00000012") == 0);
  // ... and 11 here, which becomes 5.
  CHECK(S10CheckDigit("00000000") == 5);
  CHECK(S10CheckDigit("1234567") == -1);
  CHECK(S10CheckDigit("123456789") == -1);
  CHECK(S10CheckDigit("1234567A") == -1);
}

TEST_CASE("Iso7064Mod3736CheckCharacter (DPD)", "[detection][check_digits]") {
  // The worked example of ISO/IEC 7064.
  CHECK(Iso7064Mod3736CheckCharacter("A12425GABC1234002") == 'M');
  CHECK(Iso7064Mod3736CheckCharacter("09980000020033") == 'F');
  CHECK(Iso7064Mod3736CheckCharacter("09980000020034") == 'D');
  CHECK(Iso7064Mod3736CheckCharacter("008182709980000020033350276") == 'C');
  CHECK(Iso7064Mod3736CheckCharacter("008182709980000020045327276") == 'N');
  // 0081 827 0998 0000 0200 45 000 000 N is invalid: the check covers all 27 digits.
  CHECK(Iso7064Mod3736CheckCharacter("008182709980000020045000000") != 'N');
  CHECK(Iso7064Mod3736CheckCharacter("") == '\0');
  CHECK(Iso7064Mod3736CheckCharacter("0998-0000") == '\0');
}

}  // namespace
}  // namespace trackenrich::detection
