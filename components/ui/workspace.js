// Keeps the cookie that lets this browser be recognised by the studio next time (the
// workspace owner's token, or a guest's own token). Sends nothing back and draws nothing.
// The value comes from Python as data and is checked: only URL-safe token characters.
export default function (component) {
  const { data } = component;
  if (!data || !/^[a-z_]+$/.test(data.name || "") || !/^[A-Za-z0-9_-]+$/.test(data.value || "")) return;
  const secure = window.location.protocol === "https:" ? "; Secure" : "";
  // No maxAge: a session cookie, gone when the browser closes.
  const age = data.maxAge == null ? "" : `; Max-Age=${Number(data.maxAge) || 0}`;
  document.cookie = `${data.name}=${data.value}; Path=/${age}; SameSite=Strict${secure}`;
}
