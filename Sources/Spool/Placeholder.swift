/// Placeholder until the Spool stage lands; replaced by its first real file.
enum SpoolStagePlaceholder {}
