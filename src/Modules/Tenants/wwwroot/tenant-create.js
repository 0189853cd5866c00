// A preview only: the server derives the label itself (HostLabel.FromName).
(() => {
    const name = document.getElementById("Input_DisplayName");
    const label = document.getElementById("Input_Label");
    const preview = document.getElementById("host-preview");
    const prefixes = ["thi tran", "phuong", "xa", "dac khu"];
    const derive = text => {
        let words = text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d")
            .toLowerCase().split(/[^a-z0-9]+/).filter(w => w.length > 0);
        const prefix = prefixes.find(p => words.join(" ").startsWith(p + " "));
        if (prefix) {
            words = words.slice(prefix.split(" ").length);
        }
        return words.filter(w => w !== "va").join("").slice(0, 63);
    };
    const update = () => {
        const value = label.value.trim().toLowerCase() || derive(name.value);
        preview.textContent = (value || "…") + "." + preview.dataset.baseDomain;
    };
    name.addEventListener("input", update);
    label.addEventListener("input", update);
    update();
})();
