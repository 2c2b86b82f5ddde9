//! The one inline script of a bundle: wasm-bindgen's JS glue, made into an
//! inline module, followed by a few lines that start the viewer from the
//! WebAssembly bytes inlined in the page.
//!
//! Trunk's page imports the glue (`import init from './x.js'`) and lets it
//! fetch the `.wasm` file; a page opened from disk can do neither. So the
//! glue's code goes into the page itself, its `export`s become plain
//! declarations, and `init` is given the decoded bytes instead of a URL.
//! One inline script means one hash for the Content Security Policy.

/// The id of the element holding the WebAssembly, base64-encoded.
pub const WASM_ID: &str = "sealift-wasm";

/// The inline module: the glue, then the start.
pub fn inline_module(glue: &str) -> Result<String, String> {
    let mut code = String::with_capacity(glue.len() + 1024);
    let mut exported: Vec<(String, String)> = Vec::new();
    for line in glue.lines() {
        // `export { a as b };`, or minified (scripts/minify-glue.mjs): `export{a as b};`.
        if let Some(list) = line
            .strip_prefix("export")
            .and_then(|l| l.trim_start().strip_prefix('{'))
            .and_then(|l| l.trim_end().strip_suffix("};"))
        {
            for item in list.split(',').map(str::trim).filter(|i| !i.is_empty()) {
                let (local, name) = item.split_once(" as ").unwrap_or((item, item));
                exported.push((local.trim().to_string(), name.trim().to_string()));
            }
        } else if let Some(declaration) = line.strip_prefix("export ") {
            let name = declared_name(declaration).ok_or_else(|| {
                format!("the JS glue has an export this bundler does not know: `{line}`")
            })?;
            exported.push((name.clone(), name));
            code.push_str(declaration);
            code.push('\n');
        } else if line.starts_with("import ") {
            return Err(format!(
                "the JS glue imports another file (`{line}`), which a single file cannot hold"
            ));
        } else {
            code.push_str(line);
            code.push('\n');
        }
    }
    let Some((init, _)) = exported.iter().find(|(_, name)| name == "default") else {
        return Err("the JS glue has no default export (wasm-bindgen's `init`)".into());
    };
    let bindings: Vec<String> = exported
        .iter()
        .map(|(local, name)| format!("{name}: {local}"))
        .collect();
    code.push_str(&format!(
        r#"
// Sealift bundle: start the viewer from the WebAssembly inlined in this page.
// (Names start with `sealift` to stay clear of the glue's own.)
const sealiftChars = atob(document.getElementById("{WASM_ID}").textContent.trim());
const sealiftBytes = new Uint8Array(sealiftChars.length);
for (let i = 0; i < sealiftChars.length; i++) sealiftBytes[i] = sealiftChars.charCodeAt(i);
const sealiftWasm = await {init}({{ module_or_path: sealiftBytes }});
window.wasmBindings = {{ {bindings} }};
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {{ detail: {{ wasm: sealiftWasm }} }}));
"#,
        bindings = bindings.join(", ")
    ));
    Ok(script_safe(&code))
}

/// The name a declaration declares: `class X`, `function X(`, `async function X(`, `const X =`.
fn declared_name(declaration: &str) -> Option<String> {
    let rest = [
        "class ",
        "function ",
        "async function ",
        "const ",
        "let ",
        "var ",
    ]
    .iter()
    .find_map(|keyword| declaration.strip_prefix(keyword))?;
    let name: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '_' | '$'))
        .collect();
    (!name.is_empty()).then_some(name)
}

/// Keeps the HTML parser from ending the script early: `</script` and `<!--`
/// can only occur inside JS strings, where `<\/` and `<\!` mean the same.
fn script_safe(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut rest = code;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let lower = tail.get(..8).unwrap_or(tail).to_ascii_lowercase();
        if lower.starts_with("</script") {
            out.push_str("<\\/");
            rest = &tail[2..];
        } else if tail.starts_with("<!--") {
            out.push_str("<\\!");
            rest = &tail[2..];
        } else {
            out.push('<');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLUE: &str = "let wasm;\nexport class Thing {}\nexport function greet(name) { return `<!-- ${name} </script>`; }\nasync function __wbg_init(m) { return 1; }\nfunction initSync(m) {}\nexport { initSync, __wbg_init as default };\n";

    #[test]
    fn exports_become_declarations_and_init_gets_the_bytes() {
        let module = inline_module(GLUE).expect("a known glue shape");
        assert!(!module.contains("export "), "{module}");
        assert!(module.contains("class Thing {}"));
        assert!(module.contains("await __wbg_init({ module_or_path: sealiftBytes })"));
        assert!(module.contains("window.wasmBindings = { Thing: Thing, greet: greet, initSync: initSync, default: __wbg_init }"));
        assert!(!module.to_lowercase().contains("</script"));
        assert!(!module.contains("<!--"));
        assert!(module.contains("<\\!-- ${name} <\\/script>"));
    }

    #[test]
    fn a_minified_glue_is_inlined_too() {
        // What scripts/minify-glue.mjs writes: one statement a line, no spaces.
        let glue = "export class T{a(){return 1}};\nfunction q(e){};\nasync function B(e){return 2};\nexport{q as initSync,B as default};";
        let module = inline_module(glue).expect("a minified glue");
        assert!(!module.contains("export"), "{module}");
        assert!(module.contains("class T{a(){return 1}};"), "{module}");
        assert!(
            module.contains("await B({ module_or_path: sealiftBytes })"),
            "{module}"
        );
        assert!(
            module.contains("window.wasmBindings = { T: T, initSync: q, default: B }"),
            "{module}"
        );
    }

    #[test]
    fn a_glue_that_imports_is_refused() {
        let err =
            inline_module("import * as x from './snippets/a.js';\nexport { x as default };\n")
                .expect_err("imports cannot be inlined");
        assert!(err.contains("imports another file"), "{err}");
        assert!(inline_module("let a;\n").is_err());
    }
}
