// A page importing the module the server serves (/tandem/client.js with client.d.ts beside it).
import { connect, InvalidTransition, Order, TicTacToe } from "./client.js";

export async function page(): Promise<void> {
  const game = await connect(TicTacToe, "game-42");
  const board: readonly string[] = game.state.board;
  await game.actions.play(4);
  // @ts-expect-error a cell is a number
  await game.actions.play("4");
  void board;
}

export async function orderPage(): Promise<void> {
  const order = await connect(Order, "o-1");
  const canShip: boolean = order.can.ship;
  const paid: boolean = order.matches("PAID");
  // @ts-expect-error a misspelt state does not compile
  order.matches("paid");
  await order.actions.ship().catch((e: unknown) => e instanceof InvalidTransition ? e.allowed : []);
  void [canShip, paid];
}
