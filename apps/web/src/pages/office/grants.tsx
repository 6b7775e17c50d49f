import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { grants, type Grant } from '../../api/office';
import { type Column, DataTable, FilterSelect, useTableParams } from '../../components/DataTable';
import { euroCents, GRANT_STATUS } from '../../format';
import { Page, SearchForm } from '../../ui';

export const recipientName = (g: Grant) => g.municipalityName ?? g.coordinator?.name ?? g.ags;

const COLUMNS: Column<Grant>[] = [
  {
    key: 'empfaenger',
    header: 'Empfänger',
    cell: (g) => <Link to={`/zuwendungen/${encodeURIComponent(g.grantId)}`}>{recipientName(g)}</Link>,
    sortValue: recipientName,
  },
  { key: 'programm', header: 'Programm', cell: (g) => g.programmeTitle ?? g.programmeId },
  {
    key: 'phase',
    header: 'Phase',
    cell: (g) => g.phaseName ?? '–',
    sortValue: (g) => g.phaseName ?? '',
  },
  {
    key: 'betrag',
    header: 'Betrag',
    numeric: true,
    cell: (g) => euroCents(g.amountCents),
    sortValue: (g) => g.amountCents,
  },
  {
    key: 'ausgezahlt',
    header: 'Ausgezahlt',
    numeric: true,
    cell: (g) => euroCents(g.paidCents),
    sortValue: (g) => g.paidCents,
  },
  {
    key: 'status',
    header: 'Status',
    cell: (g) => GRANT_STATUS[g.status] ?? g.status,
    sortValue: (g) => GRANT_STATUS[g.status] ?? g.status,
  },
];

export function GrantsPage() {
  const params = useTableParams();
  const { page, q, limit, set } = params;
  const status = params.params.get('status') ?? '';
  const list = useQuery({
    queryKey: ['grants', page, q, status],
    queryFn: () => grants(page, limit, q, status),
  });
  return (
    <Page title="Zuwendungen">
      <div className="filters">
        <SearchForm
          label="Zuwendungen durchsuchen"
          q={q}
          onSearch={(v) => set({ suche: v, seite: undefined })}
        />
        <FilterSelect
          label="Status"
          name="status"
          params={params}
          options={Object.entries(GRANT_STATUS).map(([value, label]) => ({ value, label }))}
        />
      </div>
      <DataTable
        caption="Bewilligte Zuwendungen"
        what="Zuwendungen"
        columns={COLUMNS}
        rows={list.data?.items}
        rowKey={(g) => g.grantId}
        params={params}
        paging="server"
        total={list.data?.total}
        pending={list.isPending}
        error={list.error}
        empty="Keine Zuwendungen gefunden."
      />
    </Page>
  );
}
