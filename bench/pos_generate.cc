// Deterministic POS CSV in the layout of schemas/pos-mappings/vendor-a.ini, for
// bench/pos_import.sh: N rows, 1-3 item lines a receipt, a loyalty card on every 8th receipt
// (from 2,000 members), an e-mail on every 20th, serial-numbered washers, 2% returns.
//   pos_generate ROWS > rows.csv
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: pos_generate ROWS\n");
    return 2;
  }
  const long rows = std::atol(argv[1]);
  std::uint64_t state = 42;
  auto next = [&state]() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>(state >> 33);
  };
  static const char* kSkus[] = {"WM-800", "FLT-20", "DRY-300", "HOSE-2", "DET-5", "CLN-1", "BELT-9", "PUMP-4"};
  static const char* kPrices[] = {"499.00", "12.50", "399.00", "19.90", "7.45", "4.99", "23.00", "61.20"};
  std::printf("store,business_day,register,receipt,time,sku,description,qty,amount,currency,loyalty,email,phone,serial,"
              "type,reason,disposal\n");
  long written = 0, receipt = 0, serial = 0;
  while (written < rows) {
    ++receipt;
    const int store = static_cast<int>(next() % 200);
    const int day = 1 + static_cast<int>(receipt / 20000 % 28);
    const int month = 1 + static_cast<int>(receipt / 560000 % 12);
    const int lines = 1 + static_cast<int>(next() % 3);
    const bool isReturn = next() % 50 == 0;
    char loyalty[24] = "", email[48] = "";
    if (receipt % 8 == 0) std::snprintf(loyalty, sizeof loyalty, "LOY-%u", next() % 2000);
    if (receipt % 20 == 0) std::snprintf(email, sizeof email, "member%u@example.org", next() % 1000);
    const int hour = 8 + static_cast<int>(next() % 12), minute = static_cast<int>(next() % 60);
    for (int l = 0; l < lines && written < rows; ++l, ++written) {
      const int item = static_cast<int>(next() % 8);
      char serialText[32] = "";
      if (item == 0) std::snprintf(serialText, sizeof serialText, "WM800-%08ld", ++serial);
      std::printf("ST-%03d,2026-%02d-%02d,%d,R-%ld,2026-%02d-%02d %02d:%02d:00,%s,\"Item %s, standard\",%s,%s,EUR,%s,%s,,%s,%s,%s,%s\n",
                  store, month, day, 1 + static_cast<int>(receipt % 4), receipt, month, day, hour, minute, kSkus[item],
                  kSkus[item], item == 0 ? "1" : (l % 2 ? "2" : "1"), item == 0 || l % 2 == 0 ? kPrices[item] : "25.00",
                  loyalty, email, serialText, isReturn ? "RETURN" : "SALE", isReturn ? "customer changed mind" : "",
                  isReturn ? "restock" : "");
    }
  }
  return 0;
}
