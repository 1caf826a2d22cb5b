import type { CliCommand } from "../io";
import { CliError } from "../io";

// Owned by its issue's implementer; replaced by the real command.
export const checkCommand: CliCommand = async () => {
  throw new CliError("Lệnh 'check' đang được xây dựng.", "Command 'check' is being built.");
};
