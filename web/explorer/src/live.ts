// live subscribes to the server's GraphQL subscriptions over WebSocket
// (the graphql-transport-ws protocol at /graphql), so pages show new
// statements as they arrive. A dropped connection is opened again with a
// growing pause; the subscription ends when signal aborts.

import type { TypedDocumentString } from "./gql/graphql";

interface Message {
  id?: string;
  type: string;
  payload?: unknown;
}

// subscribe runs one subscription for as long as signal is not aborted,
// handing each event's data to onData.
export function subscribe<T, V>(query: TypedDocumentString<T, V>, variables: V, onData: (data: T) => void, signal: AbortSignal): void {
  let pause = 500;
  const open = () => {
    if (signal.aborted) return;
    const url = `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}/graphql`;
    let ws: WebSocket;
    try {
      ws = new WebSocket(url, "graphql-transport-ws");
    } catch {
      return;
    }
    const send = (m: Message) => ws.readyState === WebSocket.OPEN && ws.send(JSON.stringify(m));
    const stop = () => {
      send({ id: "1", type: "complete" });
      ws.close(1000);
    };
    signal.addEventListener("abort", stop, { once: true });
    ws.onopen = () => send({ type: "connection_init" });
    ws.onmessage = (ev) => {
      let m: Message;
      try {
        m = JSON.parse(String(ev.data));
      } catch {
        return;
      }
      switch (m.type) {
        case "connection_ack":
          pause = 500;
          send({ id: "1", type: "subscribe", payload: { query: query.toString(), variables } });
          break;
        case "ping":
          send({ type: "pong" });
          break;
        case "next": {
          const p = m.payload as { data?: T };
          if (p?.data) onData(p.data);
          break;
        }
      }
    };
    ws.onclose = () => {
      signal.removeEventListener("abort", stop);
      if (signal.aborted) return;
      setTimeout(open, pause);
      pause = Math.min(pause * 2, 30_000);
    };
  };
  open();
}
