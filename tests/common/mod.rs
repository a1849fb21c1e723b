//! Helpers shared by the browser test files.

/// Resolves after the next animation frame, when the widget has redrawn.
#[cfg(target_arch = "wasm32")]
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().request_animation_frame(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}
