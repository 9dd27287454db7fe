// Starts the WebAssembly app. Kept as a file (not inline) so the
// Content-Security-Policy can forbid inline scripts.
import init from './pkg/app.js';

init().catch((err) => {
  const el = document.getElementById('loi-nghiem-trong');
  if (el) {
    el.textContent = 'Không khởi động được ứng dụng. Trình duyệt cần hỗ trợ WebAssembly; hãy tải lại trang hoặc dùng trình duyệt mới hơn.';
    el.hidden = false;
  }
  console.error(err);
});
