/// Placeholder until the Config stage lands; replaced by its first real file.
enum ConfigStagePlaceholder {}
