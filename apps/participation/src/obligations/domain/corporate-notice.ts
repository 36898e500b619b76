import { compareIsoDates, type IsoDate } from '../../shared/domain/calendar.js';
import type { Attachment } from './information-request.aggregate.js';

/** F-34: the participant notifies re-registration or liquidation within 10 WD, with copies of the documents. */
export class CorporateNotice {
  id!: string;
  participationId!: string;
  bin!: string;
  kind!: 're-registration' | 'liquidation';
  eventDate!: IsoDate;
  filedOn!: IsoDate;
  dueDate!: IsoDate;
  onTime!: boolean;
  description!: string;
  copies!: Attachment[];
  createdAt!: Date;

  static file(props: { id: string; participationId: string; bin: string; kind: 're-registration' | 'liquidation'; eventDate: IsoDate; filedOn: IsoDate; dueDate: IsoDate; description: string; copies: Attachment[] }, now: Date): CorporateNotice {
    const n = new CorporateNotice();
    Object.assign(n, props, { onTime: compareIsoDates(props.filedOn, props.dueDate) <= 0, createdAt: now });
    return n;
  }
}
