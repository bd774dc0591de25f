// How an application uses the generated client; type-checked with tsc --strict. Lines preceded by
// an expect-error directive must fail to compile, so the types are shown to be strict, not just valid.
import WebSocket from "ws";
import { connect, Everything, InvalidTransition, machineView, Order, Poker, Shop, TandemError, TicTacToe, Whiteboard } from "./index.js";
import type { ActionName, EverythingLevel, EverythingPair, LiveObject, OrderActions, OrderState, OrderStatus, ShopReceipt, Status, TicTacToeActions, TicTacToeState } from "./index.js";
import { useLiveObject } from "./react.js";

export async function ticTacToe(): Promise<void> {
  const game: LiveObject<TicTacToeState, TicTacToeActions> = await connect(TicTacToe, "game-42", {
    url: "ws://127.0.0.1:8080",
    WebSocket,
    attributes: { name: "Ada" },
  });
  const cell: string = game.state.board[4];
  const turn: string | null = game.state.turn;
  const status: Status = game.status;
  await game.actions.play(4);
  // @ts-expect-error a cell is a number
  await game.actions.play("four");
  // @ts-expect-error play takes one argument
  await game.actions.play();
  // @ts-expect-error there is no such action
  await game.actions.jump(1);
  // @ts-expect-error the state is read-only: changes go through actions
  game.state.board.push("X");
  // @ts-expect-error turn may be null
  const notNull: string = game.state.turn;
  // @ts-expect-error the state is read-only all the way down
  game.state.turn = "me";
  const stop = game.subscribe(state => {
    const board: readonly string[] = state.board;
    void board;
  });
  stop();
  game.close();
  void cell;
  void turn;
  void status;
  void notNull;
}

export async function valueTypes(): Promise<void> {
  const board = await connect(Whiteboard, "w");
  const version: number = await board.actions.draw({ points: [{ x: 1, y: 2, name: "a", color: "RED" }], at: null }, "BLUE");
  // @ts-expect-error not a colour
  await board.actions.draw({ points: [], at: null }, "PINK");
  const cursor = await board.actions.cursorOf("c1");
  // @ts-expect-error the cursor may be null
  const x: number = cursor.x;
  const red: number | undefined = board.state.strokesPerColor.RED;
  const shop = await connect(Shop, "s");
  const receipt: ShopReceipt = await shop.actions.checkout(null);
  const total: string = receipt.total;
  void version;
  void x;
  void red;
  void total;
}

export async function everything(): Promise<void> {
  const e = await connect(Everything, "e");
  const s = e.state;
  const numbers: number = s.count + s.big + s.ratio + s.amount + s.tiny + s.small + s.numbers[0];
  const texts: string = s.name + s.initial + s.uuid + s.price + s.huge + s.instant + s.date + s.duration;
  const maybe: boolean | null = s.maybeFlag;
  const level: EverythingLevel = s.level;
  const right: number | null = s.pair.right;
  const levels: readonly EverythingLevel[] = s.levels;
  const deadline: string | null = s.deadline;
  const gap: string | null = s.gaps[0];
  const deep: readonly number[] | undefined = s.nested["a"]?.["b"];
  const swapped: EverythingPair = await e.actions.swap({ left: "l", right: null }, null);
  const tally = await e.actions.tally(["LOW", "HIGH"]);
  const high: number | undefined = tally.HIGH;
  const described: string | null = await e.actions.describe(1, "f");
  // @ts-expect-error level is LOW or HIGH
  await e.actions.tally(["MEDIUM"]);
  void [numbers, texts, maybe, level, right, levels, deadline, gap, deep, swapped, high, described];
}

export async function errors(): Promise<void> {
  const game = await connect(TicTacToe, "g");
  try {
    await game.actions.play(0);
  } catch (e) {
    if (e instanceof TandemError && e.code === "rejected") {
      console.log(e.message);
    }
  }
}

export function Board(): string {
  const { state, object, status, error } = useLiveObject(TicTacToe, "game-42");
  const cells: number | undefined = state?.board.length;
  void object?.actions.play(1);
  return `${status} ${cells} ${error?.code ?? ""}`;
}

export async function poker(): Promise<void> {
  const table = await connect(Poker, "table-1", { url: "ws://127.0.0.1:8080", WebSocket });
  const hand: readonly string[] = table.state.hand; // a view: this client's own hand
  const seat: number | null = table.state.seat;
  const onTable: readonly string[] = table.state.table;
  // @ts-expect-error a view is read-only
  table.state.hand = [];
  // @ts-expect-error a server-only field is not in the client's state
  table.state.hands;
  // @ts-expect-error nor is a value type only a server-only field uses
  const secret: import("./index.js").PokerSecret = null!;
  await table.actions.deal("AS");
  console.log(hand, seat, onTable, secret);
}

export async function machine(): Promise<void> {
  const order: LiveObject<OrderState, OrderActions, OrderStatus> = await connect(Order, "o-1", { url: "ws://127.0.0.1:8080", WebSocket });
  const status: OrderStatus = order.state.status; // a union of the states, not a string
  // @ts-expect-error the state field is one of the states
  const other: typeof order.state.status = "LOST";
  const allowed: readonly ("pay" | "cancel" | "ship" | "deliver" | "rename")[] = order.allowed;
  // @ts-expect-error allowed holds action names, not any string
  const anyName: readonly "fly"[] = order.allowed;
  const canPay: boolean = order.can.pay;
  // @ts-expect-error can has a flag per action and no others
  order.can.fly;
  // @ts-expect-error the flags are read-only
  order.can.pay = true;
  const paid: boolean = order.matches("PAID");
  // @ts-expect-error a misspelt state does not compile
  order.matches("PAYED");
  if (order.can.pay) {
    await order.actions.pay("p-1");
  }
  try {
    await order.actions.deliver();
  } catch (e) {
    if (e instanceof InvalidTransition) {
      const state: string = e.state;
      const handled: readonly string[] = e.allowed;
      const code: "invalid_transition" = e.code;
      void [state, handled, code];
    }
  }
  const view = machineView(Order, { ...order.state, status: "PAID" });
  const fromPaid: readonly ActionName<OrderActions>[] = view.allowed;
  // a type without a machine: every action allowed, and no state to match
  const game = await connect(TicTacToe, "g");
  const moves: readonly "play"[] = game.allowed;
  // @ts-expect-error no machine, so no state names
  game.matches("PAID");
  void [status, other, allowed, anyName, canPay, paid, fromPaid, moves];
}

export function OrderButtons(): string {
  const { can, allowed, matches, object } = useLiveObject(Order, "o-1");
  const delivered: boolean = matches("DELIVERED");
  // @ts-expect-error the hook's matches is typed too
  matches("GONE");
  if (can.ship) {
    void object?.actions.ship();
  }
  return `${allowed.join(", ")} ${delivered}`;
}
