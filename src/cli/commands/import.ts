import type { CliCommand } from "../io";
import { CliError } from "../io";

// Owned by its issue's implementer; replaced by the real command.
export const importCommand: CliCommand = async () => {
  throw new CliError("Lệnh 'import' đang được xây dựng.", "Command 'import' is being built.");
};
