// A link shown in a read-only box with a visible Copy button that says "Copied" once the link
// is on the clipboard (or how to copy it by hand when the browser refuses). The link reaches
// the page as a value and text, never as markup. Built once per mount; new data updates it.
export default function (component) {
  const { data, parentElement } = component;
  let box = parentElement.__basCopy;
  if (!box) box = parentElement.__basCopy = build(parentElement);
  box.update(data);
}

function build(parentElement) {
  const root = document.createElement("div");
  root.className = "bas-copy";
  const id = "bas-copy-" + Math.random().toString(36).slice(2);
  const label = document.createElement("label");
  label.htmlFor = id;
  const row = document.createElement("div");
  row.className = "bas-copy-row";
  const input = document.createElement("input");
  input.id = id;
  input.type = "text";
  input.readOnly = true;
  input.className = "bas-copy-link";
  const button = document.createElement("button");
  button.type = "button";
  button.className = "bas-copy-button";
  const status = document.createElement("div");
  status.className = "bas-copy-status";
  status.setAttribute("role", "status");
  row.append(input, button);
  root.append(label, row, status);
  parentElement.appendChild(root);
  const state = { data: {}, timer: null };

  function done(text) {
    status.textContent = text;
    button.textContent = "Copied";
    button.classList.add("bas-copied");
    clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      button.textContent = state.data.button || "Copy";
      button.classList.remove("bas-copied");
    }, 4000);
  }

  function byHand() {
    // Without the Clipboard API (a page not served over HTTPS): select and copy the old way.
    input.focus();
    input.select();
    let copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    if (copied) done("Copied: paste it anywhere.");
    else status.textContent = "Your browser did not allow copying: the link is selected, press Ctrl+C (⌘C).";
  }

  input.addEventListener("focus", () => input.select());
  button.addEventListener("click", () => {
    const text = state.data.link || "";
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(() => done("Copied: paste it anywhere."), byHand);
    } else {
      byHand();
    }
  });

  return {
    update(next) {
      state.data = next;
      label.textContent = next.label || "Link";
      input.value = next.link || "";
      if (!button.classList.contains("bas-copied")) button.textContent = next.button || "Copy";
      button.setAttribute("aria-label", `${next.button || "Copy"}: ${next.label || "link"}`);
    },
  };
}
