//! Telling the app's other tabs what this one saved (BroadcastChannel), so
//! that two tabs on one desk see each other's work and never overwrite it
//! silently. Messages stay in this browser, within this site.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{BroadcastChannel, MessageEvent};

use crate::browser::storage;

/// A channel to the app's other tabs in the same storage space.
pub struct Tabs(BroadcastChannel);

impl Tabs {
    /// Opens the channel `name`; `on_message` gets each text another tab
    /// posts. None where the browser has no BroadcastChannel.
    pub fn open(name: &str, on_message: impl Fn(String) + 'static) -> Option<Tabs> {
        // the space (real work or the demo) is part of the name
        let ch = BroadcastChannel::new(&storage::physical(name)).ok()?;
        let handler = Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
            if let Some(text) = ev.data().as_string() {
                on_message(text);
            }
        });
        ch.set_onmessage(Some(handler.as_ref().unchecked_ref()));
        handler.forget();
        Some(Tabs(ch))
    }

    pub fn post(&self, text: &str) {
        let _ = self.0.post_message(&JsValue::from_str(text));
    }
}
