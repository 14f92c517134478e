// Downloads of the current view: the export endpoint with the filters the address carries, so what is
// downloaded is what the list shows (all of it, not only the events drawn).
const FORMATS = [
  { format: 'csv', label: 'CSV', file: 'sitrep-events.csv' },
  { format: 'geojson', label: 'GeoJSON', file: 'sitrep-events.geojson' },
  { format: 'acled', label: 'ACLED', file: 'sitrep-events-acled.csv' },
];

const links = FORMATS.map((f) => {
  const a = document.getElementById(`download-${f.format}`);
  a.textContent = f.label;
  a.download = f.file;
  return { ...f, a };
});

/** Points the download links at the export of these filters. */
export function updateDownloads(filters) {
  for (const { format, a } of links) {
    const params = new URLSearchParams(filters);
    params.set('format', format);
    a.href = `api/export?${params}`;
  }
}
