import type { CliCommand } from "../io";
import { CliError } from "../io";

// Owned by its issue's implementer; replaced by the real command.
export const parseCommand: CliCommand = async () => {
  throw new CliError("Lệnh 'parse' đang được xây dựng.", "Command 'parse' is being built.");
};
