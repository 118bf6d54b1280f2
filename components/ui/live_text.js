// A text field that sends what is typed after a short pause (and at once on Enter or blur),
// with one live counter against Meta's recommended length and a hard ceiling it refuses to
// pass with a message. Every string reaches the page as text (textContent, value), never as
// markup. The function runs again whenever Python sends new data; it builds its elements
// once per mount and keeps them on the parent element.
export default function (component) {
  const { data, parentElement, setStateValue } = component;
  let box = parentElement.__basLive;
  if (!box) {
    box = parentElement.__basLive = build(parentElement, data, setStateValue);
  }
  box.update(data);
  return () => box.flush();
}

function chars(text) {
  return Array.from(text).length; // code points, as Python's len() counts them
}

function build(parentElement, data, setStateValue) {
  const root = document.createElement("div");
  root.className = "bas-live";
  const id = "bas-live-" + Math.random().toString(36).slice(2);
  const head = document.createElement("div");
  head.className = "bas-live-head";
  const label = document.createElement("label");
  label.htmlFor = id;
  const counter = document.createElement("span");
  counter.className = "bas-live-count";
  head.append(label, counter);
  const input = document.createElement(data.multiline ? "textarea" : "input");
  input.id = id;
  if (!data.multiline) input.type = "text";
  input.setAttribute("autocomplete", "off");
  // Arabic, Hebrew or Urdu copy is typed and shown right to left, as the previews show it.
  input.dir = "auto";
  const hint = document.createElement("div");
  hint.className = "bas-live-hint";
  const note = document.createElement("div");
  note.className = "bas-live-note";
  note.setAttribute("role", "status");
  const refusal = document.createElement("div");
  refusal.className = "bas-live-refusal";
  refusal.setAttribute("role", "alert");
  hint.id = id + "-hint";
  note.id = id + "-note";
  refusal.id = id + "-refusal";
  counter.id = id + "-count";
  input.setAttribute("aria-describedby", [counter.id, hint.id, note.id, refusal.id].join(" "));
  root.append(head, input, hint, note, refusal);
  parentElement.appendChild(root);

  const state = { data, rev: null, sent: null, timer: null, good: "" };

  function describe() {
    const length = chars(input.value);
    const limit = state.data.limit;
    const over = limit && length > limit;
    counter.textContent = limit ? `${length}/${limit}` : "";
    counter.classList.toggle("bas-over", Boolean(over));
    input.classList.toggle("bas-over", Boolean(over)); // a warning, not an invalid value
    if (over) {
      const extra = length - limit;
      note.textContent =
        `${extra} character${extra === 1 ? "" : "s"} over Meta's recommendation of ` +
        `${limit}: the feed cuts it with “… See more”. Nothing you typed is removed.`;
    } else {
      note.textContent = "";
    }
  }

  function send() {
    clearTimeout(state.timer);
    state.timer = null;
    if (input.value === state.sent) return;
    state.sent = input.value;
    setStateValue("value", input.value);
  }

  input.addEventListener("input", () => {
    const ceiling = state.data.ceiling;
    const length = chars(input.value);
    if (ceiling && length > ceiling) {
      // Refuse the edit whole, and say so: never cut what was typed or pasted.
      const caret = Math.max(0, (input.selectionStart || 0) - (input.value.length - state.good.length));
      input.value = state.good;
      input.setSelectionRange(caret, caret);
      refusal.textContent =
        `Not added: this field holds at most ${ceiling} characters, and that would have ` +
        `made ${length}.`;
    } else {
      state.good = input.value;
      refusal.textContent = "";
    }
    describe();
    clearTimeout(state.timer);
    state.timer = setTimeout(send, state.data.debounce_ms);
  });
  input.addEventListener("blur", send);
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !state.data.multiline) send();
  });

  return {
    update(next) {
      state.data = next;
      label.textContent = next.label;
      hint.textContent = next.help || "";
      hint.hidden = !next.help;
      input.placeholder = next.placeholder || "";
      input.setAttribute("aria-label", next.label);
      input.readOnly = Boolean(next.disabled); // a shared campaign: shown, not edited
      root.classList.toggle("bas-readonly", Boolean(next.disabled));
      if (next.multiline) input.style.height = `${next.height}px`;
      // Python's value replaces the box's only when Python changed it (a new revision):
      // an older run answering a keystroke must not undo what was typed since.
      if (next.rev !== state.rev) {
        state.rev = next.rev;
        if (input.value !== next.value) input.value = next.value;
        state.good = input.value;
        state.sent = input.value;
      }
      describe();
    },
    flush: send,
  };
}
