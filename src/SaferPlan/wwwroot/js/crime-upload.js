// Where JavaScript runs, the same form is sent by XHR so the upload's progress can be shown; the answer is the same page.
const form = document.getElementById('crime-upload');
const box = document.getElementById('upload-progress');
const bar = document.getElementById('upload-progress-bar');
const text = document.getElementById('upload-progress-text');
form.addEventListener('submit', (event) => {
    const files = document.getElementById('Files').files;
    if (!files || files.length === 0 || !window.FormData) {
        return;
    }
    event.preventDefault();
    const request = new XMLHttpRequest();
    request.open('POST', form.action || window.location.href);
    box.hidden = false;
    request.upload.addEventListener('progress', (e) => {
        if (e.lengthComputable) {
            const percent = Math.round((e.loaded / e.total) * 100);
            bar.value = percent;
            text.textContent = `Uploaded ${percent}%`;
        }
    });
    request.upload.addEventListener('load', () => {
        bar.value = 100;
        text.textContent = 'Uploaded. Loading the files…';
    });
    request.addEventListener('load', () => {
        const page = new DOMParser().parseFromString(request.responseText, 'text/html');
        const main = page.getElementById('main-content');
        if (!main) {
            document.open();
            document.write(request.responseText);
            document.close();
            return;
        }
        document.title = page.title;
        document.getElementById('main-content').replaceWith(main);
        const focus = main.querySelector('.govuk-error-summary') || main.querySelector('#import-result');
        if (focus) {
            focus.setAttribute('tabindex', '-1');
            focus.focus();
        }
    });
    request.addEventListener('error', () => {
        text.textContent = 'The upload failed. Check your connection and try again.';
    });
    request.send(new FormData(form));
});
