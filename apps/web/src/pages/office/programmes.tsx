import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { fieldErrorsOf } from '../../api/client';
import { createProgramme, type Programme, programmes } from '../../api/programmes';
import { type Column, DataTable, useTableParams } from '../../components/DataTable';
import { Input, Select } from '../../components/forms';
import { date, HOLIDAY_REGIONS } from '../../format';
import { BackLink, Page, ProblemMessage, SearchForm } from '../../ui';

const COLUMNS: Column<Programme>[] = [
  {
    key: 'titel',
    header: 'Programm',
    cell: (p) => <Link to={`/foerderprogramme/${encodeURIComponent(p.programmeId)}`}>{p.title}</Link>,
    sortValue: (p) => p.title,
  },
  { key: 'absender', header: 'Absender', cell: (p) => p.sender.name, sortValue: (p) => p.sender.name },
  {
    key: 'aufrufe',
    header: 'Aufrufe',
    numeric: true,
    cell: (p) => p.callIds.length,
    sortValue: (p) => p.callIds.length,
  },
  { key: 'angelegt', header: 'Angelegt', cell: (p) => date(p.createdAt), sortValue: (p) => p.createdAt },
];

export function ProgrammesPage() {
  const params = useTableParams();
  const { page, q, limit, set } = params;
  const list = useQuery({ queryKey: ['programmes', page, q], queryFn: () => programmes(page, limit, q) });
  return (
    <Page
      title="Förderprogramme"
      actions={
        <Link className="button primary" to="/foerderprogramme/neu">
          Programm anlegen
        </Link>
      }
    >
      <SearchForm label="Programme durchsuchen" q={q} onSearch={(v) => set({ suche: v, seite: undefined })} />
      <DataTable
        caption="Förderprogramme"
        what="Programme"
        columns={COLUMNS}
        rows={list.data?.items}
        rowKey={(p) => p.programmeId}
        params={params}
        paging="server"
        total={list.data?.total}
        pending={list.isPending}
        error={list.error}
        empty="Noch kein Programm angelegt."
      />
    </Page>
  );
}

type Region = keyof typeof HOLIDAY_REGIONS;

export function NewProgrammePage() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [shortTitle, setShortTitle] = useState('');
  const [sender, setSender] = useState('');
  const [email, setEmail] = useState('');
  const [region, setRegion] = useState<Region>('NW');
  const create = useMutation({
    mutationFn: () =>
      createProgramme({
        title: title.trim(),
        ...(shortTitle.trim() ? { shortTitle: shortTitle.trim() } : {}),
        sender: { name: sender.trim(), ...(email.trim() ? { email: email.trim() } : {}) },
        holidayRegion: region,
      }),
    onSuccess: (answer) => {
      void client.invalidateQueries({ queryKey: ['programmes'] });
      navigate(`/foerderprogramme/${encodeURIComponent(answer.id)}`);
    },
  });
  const errors = (field: string) => fieldErrorsOf(create.error, field);
  return (
    <Page title="Programm anlegen">
      <BackLink to="/foerderprogramme">Förderprogramme</BackLink>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Input label="Titel" value={title} onChange={setTitle} required errors={errors('title')} />
        <Input label="Kurztitel" value={shortTitle} onChange={setShortTitle} errors={errors('shortTitle')} />
        <Input
          label="Absender der Bescheide und Briefe"
          hint="Die Behörde, in deren Namen Bescheide ergehen."
          value={sender}
          onChange={setSender}
          required
          errors={errors('sender.name') ?? errors('sender')}
        />
        <Input
          label="E-Mail-Adresse des Absenders"
          type="email"
          value={email}
          onChange={setEmail}
          errors={errors('sender.email')}
        />
        <Select
          label="Feiertage für Fristen"
          value={region}
          onChange={setRegion}
          options={HOLIDAY_REGIONS}
          errors={errors('holidayRegion')}
        />
        <ProblemMessage error={create.error} />
        <button type="submit" className="primary" disabled={create.isPending}>
          Programm anlegen
        </button>
      </form>
    </Page>
  );
}
