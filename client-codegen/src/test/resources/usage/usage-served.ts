// A page importing the module the server serves (/tandem/client.js with client.d.ts beside it).
import { connect, TicTacToe } from "./client.js";

export async function page(): Promise<void> {
  const game = await connect(TicTacToe, "game-42");
  const board: readonly string[] = game.state.board;
  await game.actions.play(4);
  // @ts-expect-error a cell is a number
  await game.actions.play("4");
  void board;
}
