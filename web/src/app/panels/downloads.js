// Downloads of the current view: the export endpoint with the filters the address carries, so what is
// downloaded is what the list shows (all of it, not only the events drawn); and the situation report of the
// same filters ("Report", "PDF" in the filter bar).
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

/** Points the download and report links at the export and report of these filters. */
export function updateDownloads(filters) {
  for (const { format, a } of links) {
    const params = new URLSearchParams(filters);
    params.set('format', format);
    a.href = `api/export?${params}`;
  }
  const report = new URLSearchParams(filters);
  document.getElementById('report-html').href = `api/report${[...report].length ? `?${report}` : ''}`;
  report.set('format', 'pdf');
  document.getElementById('report-pdf').href = `api/report?${report}`;
}
