import type { CliCommand } from "../io";
import { CliError } from "../io";

// Owned by its issue's implementer; replaced by the real command.
export const templateCommand: CliCommand = async () => {
  throw new CliError("Lệnh 'template' đang được xây dựng.", "Command 'template' is being built.");
};
