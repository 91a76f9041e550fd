#include "edi/definition_stamps.h"

#include <Poco/Environment.h>
#include <Poco/SHA2Engine.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <unistd.h>

namespace edi {
namespace {

// Bumped when what a stamp vouches for changes (the checks made, the schema's role).
constexpr std::string_view kStampFormat = "afterflow edi definition stamp 1\n";

std::string sha256(std::string_view prefix, std::string_view bytes) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(prefix.data(), static_cast<unsigned>(prefix.size()));
  engine.update(bytes.data(), static_cast<unsigned>(bytes.size()));
  return Poco::DigestEngine::digestToHex(engine.digest());
}

}  // namespace

DefinitionStamps::DefinitionStamps(std::string cacheDir, std::string_view xsd)
    : folder_(cacheDir.empty() ? std::string() : cacheDir + "/edi-definitions"),
      schemaDigest_(sha256(kStampFormat, xsd)) {}

std::string DefinitionStamps::defaultCacheDir() {
  const std::string chosen = Poco::Environment::get("AFTERFLOW_CACHE_DIR", "");
  if (!chosen.empty()) return chosen;
  const std::string xdg = Poco::Environment::get("XDG_CACHE_HOME", "");
  if (!xdg.empty()) return xdg + "/afterflow";
  const std::string home = Poco::Environment::get("HOME", "");
  if (!home.empty()) return home + "/.cache/afterflow";
  return {};
}

std::string DefinitionStamps::stampPath(std::string_view definition) const {
  // The schema's digest goes first, so one definition checked against two schemas has two stamps.
  return folder_ + "/" + sha256(schemaDigest_ + "\n", definition);
}

bool DefinitionStamps::holds(std::string_view definition) const {
  if (folder_.empty()) return false;
  const std::string path = stampPath(definition);
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  // The content repeats the name: a truncated or foreign file there vouches for nothing.
  const std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return content == "valid " + path.substr(path.rfind('/') + 1) + "\n";
}

void DefinitionStamps::add(std::string_view definition) const {
  if (folder_.empty()) return;
  std::error_code error;  // an unwritable cache only means checking again next time
  std::filesystem::create_directories(folder_, error);
  const std::string path = stampPath(definition);
  // Written aside and renamed, so that a reader never sees half a stamp.
  static std::atomic<unsigned> written{0};
  const std::string partial = path + ".partial." + std::to_string(::getpid()) + "." + std::to_string(++written);
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out) return;
    out << "valid " << path.substr(path.rfind('/') + 1) << "\n";
    out.close();
    if (!out) {
      std::filesystem::remove(partial, error);
      return;
    }
  }
  std::filesystem::rename(partial, path, error);
  if (error) std::filesystem::remove(partial, error);
}

}  // namespace edi
